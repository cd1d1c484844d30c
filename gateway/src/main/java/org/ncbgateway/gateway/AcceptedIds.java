package org.ncbgateway.gateway;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * needed; the rewrite holds the lock only to read the table a part at a time and to rename
 * ({@link KeptIdsWriter}), so consumers go on meanwhile. In memory, the ids are an {@link ExpiringIdTable}
 * in a memory-mapped scratch file beside it ({@code <file>.index}), made anew at each start: the heap does
 * not grow with them. A crash can tear only the last line, which opening discards: that message was not acknowledged,
 * so its redelivery is accepted again. A line of an id alone (the format before expiry was kept) is kept
 * for ever.
 */
public final class AcceptedIds implements ReplayGuard, Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(AcceptedIds.class);

    /** How far back the clock may be set without a forgotten id being accepted again. */
    static final Duration CLOCK_SETBACK = Duration.ofHours(1);
    private static final Instant FOREVER = AcceptedIdLines.FOREVER;
    /** Fewer lines than this are never worth a compaction. */
    private static final int MIN_COMPACTION = 4096;
    private static final String COMPACTING_SUFFIX = ".compacting";
    private static final String INDEX_SUFFIX = ".index";

    private final Path path;
    private final Clock clock;
    private final int minCompaction;
    private final ExpiringIdTable ids;
    private GroupCommitFile file;
    /** Lines in the file, and appends to wait for before the next look at what expired. */
    private long lines;
    private long untilMaintenance;
    /** The compaction running, if any. */
    private KeptIdsWriter rewrite;
    private Runnable betweenCompactionReads = () -> { };

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
            KeptIdsWriter started = null;
            synchronized (this) {
                long until = keptUntil(expiresAt);
                fresh = !ids.contains(messageId);
                if (fresh) {
                    byte[] line = AcceptedIdLines.line(messageId, until);
                    file.write(line);
                    lines++;
                    if (rewrite != null) {
                        rewrite.appended(line);
                    }
                }
                ids.add(messageId, until);
                if (--untilMaintenance <= 0) {
                    started = maintain();
                }
                target = file;
                ticket = target.lastTicket();
            }
            target.force(ticket);
            if (started != null) {
                compact(started);
            }
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record accepted message " + messageId, e);
        }
    }

    /** Runs {@code action} each time a compaction lets the lock go between two reads of the table (tests). */
    synchronized void betweenCompactionReads(Runnable action) {
        betweenCompactionReads = action;
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
        long now = clock.instant().getEpochSecond();
        long complete = 0;
        if (Files.exists(path)) {
            AcceptedIdLines.Read read = AcceptedIdLines.read(path, (id, until) -> {
                if (until > now) {
                    ids.add(id, until);
                }
            });
            lines = read.lines();
            complete = read.length();
        }
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
            compact(startRewrite());
        }
    }

    /**
     * Forgets what expired; returns a rewrite to run, outside the lock, when most of the file's lines are
     * forgotten ids. Nothing is forgotten while a rewrite runs: it reads the table as it stands.
     */
    private KeptIdsWriter maintain() {
        KeptIdsWriter started = null;
        if (rewrite == null) {
            ids.removeUntil(clock.instant().getEpochSecond());
            if (lines >= minCompaction && lines > 2L * ids.size()) {
                started = startRewrite();
            }
        }
        untilMaintenance = Math.max(minCompaction, ids.size());
        return started;
    }

    private KeptIdsWriter startRewrite() {
        rewrite = new KeptIdsWriter(this, ids, AcceptedIdLines::line);
        rewrite.betweenReads(betweenCompactionReads);
        return rewrite;
    }

    /**
     * Writes the ids kept to a sibling and renames it over the file, holding the lock only to read the table a
     * part at a time and, at the end, to write the lines appended meanwhile, force them and rename. Every line
     * of the old file is forced before the rename, so that its callers still waiting are answered; from the
     * rename on, appends go to the new file. A failure leaves the old file whole and appended to; the next
     * look at what expired tries again.
     */
    private void compact(KeptIdsWriter writer) throws IOException {
        Path next = compacting(path);
        try (FileChannel channel = FileChannel.open(next, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            long written = writer.writeTable(channel);
            // the bulk reaches the disk without the lock; the force under it covers only what came since
            channel.force(true);
            synchronized (this) {
                written += writer.writeAppended(channel);
                channel.force(true);
                file.force(file.lastTicket());
                replace(next, written);
            }
        } catch (IOException e) {
            LOG.warn("event=accepted-ids-compaction-failed file={} reason={}", path, e.getMessage());
        } finally {
            synchronized (this) {
                rewrite = null;
            }
        }
    }

    private void replace(Path next, long written) throws IOException {
        GroupCommitFile old = file;
        try {
            DurableFiles.rename(next, path);
            file = new GroupCommitFile(path, FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
            lines = written;
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

    private static Path compacting(Path file) {
        return file.resolveSibling(file.getFileName() + COMPACTING_SUFFIX);
    }
}
