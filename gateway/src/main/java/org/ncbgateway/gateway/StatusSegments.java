package org.ncbgateway.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.ncbgateway.json.StrictJson;

/**
 * The files of a delivery-status journal: the active one, appended to, and the segments rotated out of
 * it, {@code <name>.1}, {@code <name>.2}, ... oldest first. A rotation writes the lines of the messages
 * still awaited to {@code <name>.next} and forces it, renames the active file to the next segment, then
 * {@code <name>.next} to the active name: a crash before the first rename leaves a {@code .next} to
 * drop, after it one to put in place ({@link #recover}).
 */
final class StatusSegments {

    private static final ObjectMapper JSON = StrictJson.mapper();
    private static final String NEXT_SUFFIX = ".next";

    private final Path active;

    StatusSegments(Path active) {
        this.active = active;
    }

    Path active() {
        return active;
    }

    /** Finishes or drops a rotation a crash interrupted. */
    void recover() throws IOException {
        Path next = next();
        if (Files.exists(next)) {
            if (Files.exists(active)) {
                Files.delete(next);
            } else {
                DurableFiles.rename(next, active);
            }
        }
    }

    /** Writes and forces the content that starts the next active file. */
    void prepare(DurableFiles.Content content) throws IOException {
        DurableFiles.write(next(), content);
    }

    /** Moves the active file (forced by the caller) to a new segment, and the prepared one in its place. */
    void rotate() throws IOException {
        DurableFiles.rename(active, active.resolveSibling(active.getFileName() + "." + (lastNumber() + 1)));
        DurableFiles.rename(next(), active);
    }

    /** Every file, oldest first: the rotated segments, then the active one (when it exists). */
    List<Path> all() throws IOException {
        List<Path> files = new ArrayList<>(rotated().stream().sorted(Comparator.comparingLong(this::number)).toList());
        if (Files.exists(active)) {
            files.add(active);
        }
        return files;
    }

    /** The status of one message as every file holds it: a read of the whole history. */
    Optional<MessageStatus> find(UUID messageId) throws IOException {
        String id = messageId.toString();
        while (true) {
            List<Path> files = all();
            Map<UUID, TrackedMessage> found = new HashMap<>();
            for (Path file : files) {
                read(file, line -> line.contains(id), event -> {
                    if (event.messageId().equals(messageId)) {
                        TrackedMessage.apply(found, event);
                    }
                });
            }
            // a rotation while reading moved the active file to a segment not listed: read again
            if (all().equals(files)) {
                return Optional.ofNullable(found.get(messageId)).map(TrackedMessage::status);
            }
        }
    }

    static byte[] line(StatusEvent event) {
        try {
            return (JSON.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the status event of " + event.messageId(), e);
        }
    }

    /**
     * Reads the events of one file whose line passes {@code lines} (a cheap test before parsing). Only the
     * last line may be torn, by a crash during its write, whose call therefore never returned: it is skipped.
     */
    static void read(Path file, Predicate<String> lines, Consumer<StatusEvent> events) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            for (long number = 1; line != null; number++) {
                String following = reader.readLine();
                if (lines.test(line)) {
                    try {
                        events.accept(JSON.readValue(line, StatusEvent.class));
                    } catch (JsonProcessingException e) {
                        if (following != null) {
                            throw new IOException(file + ": line " + number + " is not a status event: "
                                    + e.getOriginalMessage(), e);
                        }
                    }
                }
                line = following;
            }
        }
    }

    /** The length of the file up to its last whole line: what follows was torn by a crash. */
    static long wholeLines(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        long end = channel.size();
        while (end > 0) {
            long start = Math.max(0, end - buffer.capacity());
            buffer.clear().limit((int) (end - start));
            while (buffer.hasRemaining() && channel.read(buffer, start + buffer.position()) >= 0) {
                // reads the whole window
            }
            for (int i = buffer.position() - 1; i >= 0; i--) {
                if (buffer.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }

    private Path next() {
        return active.resolveSibling(active.getFileName() + NEXT_SUFFIX);
    }

    private long lastNumber() throws IOException {
        return rotated().stream().mapToLong(this::number).max().orElse(0);
    }

    private List<Path> rotated() throws IOException {
        Path dir = active.toAbsolutePath().getParent();
        String prefix = active.getFileName() + ".";
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(prefix) && name.length() > prefix.length()
                        && name.substring(prefix.length()).chars().allMatch(Character::isDigit);
            }).toList();
        }
    }

    private long number(Path segment) {
        return Long.parseLong(segment.getFileName().toString().substring(active.getFileName().toString().length() + 1));
    }
}
