package org.ncbgateway.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A node's drop folder seen from outside the node: a submission is written into it atomically (so the
 * node never reads half a file), and the node moves it to {@code done/} once sent or to {@code failed/}
 * with a {@code .reason} file beside it.
 */
public final class DropFolder {

    public enum State { WAITING, DONE, FAILED }

    /** Where a submission stands; {@code reason} is the failed one's explanation. */
    public record Outcome(State state, String reason) {
    }

    private static final Duration POLL = Duration.ofMillis(100);

    private final Path dir;

    public DropFolder(Path dir) {
        this.dir = dir;
    }

    /** Writes {@code <messageId>.json}; returns its path. */
    public Path submit(Submission submission) throws IOException {
        Path file = dir.resolve(submission.messageId() + ".json");
        SafeFiles.writeAtomically(file, SubmissionFile.write(submission));
        return file;
    }

    public Outcome outcome(String fileName) throws IOException {
        if (Files.exists(dir.resolve("done").resolve(fileName))) {
            return new Outcome(State.DONE, null);
        }
        Path failed = dir.resolve("failed").resolve(fileName);
        if (Files.exists(failed)) {
            Path reason = failed.resolveSibling(fileName + ".reason");
            return new Outcome(State.FAILED, Files.exists(reason)
                    ? Files.readString(reason, StandardCharsets.UTF_8).strip() : "(no reason file)");
        }
        return new Outcome(State.WAITING, null);
    }

    /** Polls until the node has taken the file or {@code timeout} has passed. */
    public Outcome await(String fileName, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Outcome outcome = outcome(fileName);
        while (outcome.state() == State.WAITING && Instant.now().isBefore(deadline)) {
            Thread.sleep(POLL.toMillis());
            outcome = outcome(fileName);
        }
        return outcome;
    }
}
