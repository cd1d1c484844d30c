package org.ncbgateway.gateway;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.ncbgateway.crypto.ReplayGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message ids this node has accepted, each kept until its message's {@code expiresAt} has passed
 * (and an hour more, should the clock be set back): the opener refuses an expired message before it asks
 * whether its id is known, so an id past that point can never matter again.
 *
 * <p>On disk, an append-only file of one {@code <id> <expiresAt>} line per id, each forced before
 * {@link #markAccepted} returns (concurrent consumers share the forces). When it holds twice as many
 * lines as ids still kept, it is rewritten with those alone: a forced temporary sibling renamed over it,
 * so that a crash at any point leaves either the old file or the new one, each holding every id still
 * needed. A crash can tear only the last line, which opening discards: that message was not acknowledged,
 * so its redelivery is accepted again. A line of an id alone (the format before expiry was kept) is kept
 * for ever.
 */
public final class AcceptedIds implements ReplayGuard, Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(AcceptedIds.class);

    /** How far back the clock may be set without a forgotten id being accepted again. */
    static final Duration CLOCK_SETBACK = Duration.ofHours(1);
    /** Expiry of ids whose message had none known; also the latest second a line can hold. */
    private static final Instant FOREVER = Instant.parse("9999-12-31T23:59:59Z");
    /** Fewer lines than this are never worth a compaction. */
    private static final int MIN_COMPACTION = 4096;
    private static final String COMPACTING_SUFFIX = ".compacting";
    private static final String INDEX_SUFFIX = ".index";
    private static final int READ_BLOCK = 1 << 16;

    private final Path path;
    private final Clock clock;
    private final int minCompaction;
    private final ExpiringIdTable ids;
    private GroupCommitFile file;
    /** Lines in the file, and appends to wait for before the next look at what expired. */
    private long lines;
    private long untilMaintenance;

    private AcceptedIds(Path path, Clock clock, int minCompaction, ExpiringIdTable ids) {
        this.path = path;
        this.clock = clock;
        this.minCompaction = minCompaction;
        this.ids = ids;
    }

    public static AcceptedIds open(Path file) throws IOException {
        return open(file, Clock.systemUTC());
    }

    /** Opens the file, creating it when absent, and keeps of it the ids still needed at {@code clock}'s now. */
    public static AcceptedIds open(Path file, Clock clock) throws IOException {
        return open(file, clock, MIN_COMPACTION);
    }

    /** As {@link #open(Path, Clock)}, looking at what expired and compacting after fewer appends (tests). */
    static AcceptedIds open(Path file, Clock clock, int minCompaction) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        // a compaction that a crash interrupted before its rename: the file itself is whole
        Files.deleteIfExists(compacting(file));
        ExpiringIdTable table = ExpiringIdTable.create(file.resolveSibling(file.getFileName() + INDEX_SUFFIX));
        AcceptedIds ids = new AcceptedIds(file, clock, minCompaction, table);
        try {
            synchronized (ids) {
                ids.load();
            }
        } catch (IOException | RuntimeException e) {
            table.close();
            throw e;
        }
        return ids;
    }

    @Override
    public synchronized boolean acceptedBefore(UUID messageId) {
        return ids.contains(messageId);
    }

    /** Records an id whose message's expiry is unknown: it is kept for ever. */
    public boolean markAccepted(UUID messageId) {
        return markAccepted(messageId, FOREVER);
    }

    /**
     * Records the id durably, to be kept until {@code expiresAt} (and {@link #CLOCK_SETBACK}) has passed;
     * returns false when it was already recorded (nothing is written then, but the call still returns
     * only once that earlier line is on disk).
     */
    public boolean markAccepted(UUID messageId, Instant expiresAt) {
        try {
            GroupCommitFile target;
            long ticket;
            boolean fresh;
            synchronized (this) {
                long until = keptUntil(expiresAt);
                fresh = !ids.contains(messageId);
                if (fresh) {
                    file.write(line(messageId, until));
                    lines++;
                }
                ids.add(messageId, until);
                if (--untilMaintenance <= 0) {
                    maintain();
                }
                target = file;
                ticket = target.lastTicket();
            }
            target.force(ticket);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record accepted message " + messageId, e);
        }
    }

    /** The ids kept. */
    public synchronized int size() {
        return ids.size();
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            file.close();
        } finally {
            ids.close();
        }
    }

    private void load() throws IOException {
        long complete = Files.exists(path) ? readLines(clock.instant().getEpochSecond()) : 0;
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            // a line torn by a crash: its call never returned
            channel.truncate(complete);
            channel.position(complete);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        file = new GroupCommitFile(path, channel);
        untilMaintenance = Math.max(minCompaction, ids.size());
        if (lines >= minCompaction && lines > 2L * ids.size()) {
            compact();
        }
    }

    /** Forgets what expired; rewrites the file when most of its lines are forgotten ids. */
    private void maintain() throws IOException {
        ids.removeUntil(clock.instant().getEpochSecond());
        if (lines >= minCompaction && lines > 2L * ids.size()) {
            compact();
        }
        untilMaintenance = Math.max(minCompaction, ids.size());
    }

    /**
     * Writes the ids kept to a forced sibling and renames it over the file. Every line of the old file is
     * forced first, so that its callers still waiting are answered; from the rename on, appends go to the
     * new file.
     */
    private void compact() throws IOException {
        file.force(file.lastTicket());
        Path next = compacting(path);
        try {
            DurableFiles.write(next, out -> ids.forEach((id, until) -> out.write(line(id, until))));
        } catch (IOException e) {
            // the file is whole and still appended to: the next look at what expired tries again
            LOG.warn("event=accepted-ids-compaction-failed file={} reason={}", path, e.getMessage());
            return;
        }
        GroupCommitFile old = file;
        try {
            DurableFiles.rename(next, path);
            file = new GroupCommitFile(path, FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
            lines = ids.size();
        } finally {
            // a line appended to the old file after the rename would be lost: after a failure here none is
            old.close();
        }
    }

    private long keptUntil(Instant expiresAt) {
        Instant until = expiresAt.isAfter(FOREVER.minus(CLOCK_SETBACK)) ? FOREVER : expiresAt.plus(CLOCK_SETBACK);
        // rounded up: an id is never forgotten before its time
        return until.getNano() == 0 ? until.getEpochSecond() : until.getEpochSecond() + 1;
    }

    private static byte[] line(UUID id, long until) {
        return (id + " " + Instant.ofEpochSecond(until) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The second until which the line's id is kept; an id alone is kept for ever. */
    private long parse(String line, long number) throws IOException {
        if (line.length() == 36) {
            return FOREVER.getEpochSecond();
        }
        if (line.length() < 38 || line.charAt(36) != ' ') {
            throw notAnId(number, null);
        }
        try {
            return Instant.parse(line.substring(37)).truncatedTo(ChronoUnit.SECONDS).getEpochSecond();
        } catch (DateTimeParseException e) {
            throw new IOException(path + ": line " + number + " has no expiry instant after the message id", e);
        }
    }

    private UUID parseId(String text, long number) throws IOException {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw notAnId(number, e);
        }
    }

    private IOException notAnId(long number, Exception cause) {
        return new IOException(path + ": line " + number + " is not a message id", cause);
    }

    /**
     * Keeps the ids of the file's whole lines still needed at {@code now}, reading it a block at a time (it
     * holds twice the ids kept at most, gigabytes at a week's expiry); returns the length of those lines.
     */
    private long readLines(long now) throws IOException {
        byte[] buffer = new byte[READ_BLOCK];
        int filled = 0;
        long base = 0;
        try (InputStream in = Files.newInputStream(path)) {
            for (int read; (read = in.read(buffer, filled, buffer.length - filled)) > 0; ) {
                filled += read;
                int start = 0;
                for (int end; (end = indexOf(buffer, start, filled)) >= 0; start = end + 1) {
                    keep(new String(buffer, start, end - start, StandardCharsets.US_ASCII), now);
                }
                System.arraycopy(buffer, start, buffer, 0, filled - start);
                base += start;
                filled -= start;
                if (filled == buffer.length) {
                    throw notAnId(lines + 1, null);
                }
            }
        }
        return base;
    }

    private void keep(String line, long now) throws IOException {
        lines++;
        long until = parse(line, lines);
        UUID id = parseId(line.substring(0, 36), lines);
        if (until > now) {
            ids.add(id, until);
        }
    }

    private static int indexOf(byte[] content, int from, int to) {
        for (int i = from; i < to; i++) {
            if (content[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static Path compacting(Path file) {
        return file.resolveSibling(file.getFileName() + COMPACTING_SUFFIX);
    }
}
