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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.ncbgateway.message.MessageKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issuer's record of every message it sent and each recipient's receipt (SPEC section 7), as an
 * append-only journal of JSON lines forced to disk before each call returns (concurrent callers share
 * the forces). Applying the same receipt twice changes nothing, so a receipt redelivered after a crash is
 * harmless; the first answer of a recipient is final. A crash can tear only the last line, which reading
 * ignores.
 *
 * <p>Memory holds only the messages still awaiting a receipt, and the last few finished ones: a message
 * is finished when every recipient has answered, or a day after its {@code expiresAt} (a receipt later
 * than that is in the message log, not in the status). A finished status is read from the journal on
 * demand. The journal is rotated when it passes {@link #ROTATE_BYTES}: the messages still awaited start
 * the new file, the old one stays beside it as a segment ({@link StatusSegments}), read by {@link #read}.
 */
public final class DeliveryStatusStore implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryStatusStore.class);

    /** How long after its {@code expiresAt} a message's receipts are still awaited. */
    static final Duration LATE_RECEIPTS = Duration.ofDays(1);
    static final long ROTATE_BYTES = 64L << 20;
    private static final int RECENTLY_FINISHED = 1024;
    private static final int MIN_SWEEP = 1024;
    private static final String FINISHED_SUFFIX = ".finished-ids";

    private final StatusSegments segments;
    private final Clock clock;
    private final long rotateBytes;
    private final Map<UUID, TrackedMessage> awaited = new HashMap<>();
    /** Ids of finished messages, kept while their receipts could still come: a second send is not recorded. */
    private final ExpiringIdTable finished;
    private final Map<UUID, MessageStatus> recentlyFinished;
    /** Held to read the files, taken exclusively to rotate them, so that a reader misses no segment. */
    private final ReadWriteLock files = new ReentrantReadWriteLock();
    private GroupCommitFile journal;
    private long journalBytes;
    /** What the journal held when it was started by a rotation: the lines of the messages then awaited. */
    private long carriedBytes;
    private long untilSweep = MIN_SWEEP;

    private DeliveryStatusStore(StatusSegments segments, Clock clock, long rotateBytes, int recent,
                                ExpiringIdTable finished) {
        this.segments = segments;
        this.finished = finished;
        this.clock = clock;
        this.rotateBytes = rotateBytes;
        this.recentlyFinished = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, MessageStatus> eldest) {
                return size() > recent;
            }
        };
    }

    /** Opens the journal for writing, creating it when absent. One writer per file: the node. */
    public static DeliveryStatusStore open(Path file) throws IOException {
        return open(file, Clock.systemUTC());
    }

    public static DeliveryStatusStore open(Path file, Clock clock) throws IOException {
        return open(file, clock, ROTATE_BYTES, RECENTLY_FINISHED);
    }

    /** As {@link #open(Path, Clock)}, rotating at a size and keeping as many finished statuses as the caller's (tests). */
    static DeliveryStatusStore open(Path file, Clock clock, long rotateBytes, int recentlyFinished) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        StatusSegments segments = new StatusSegments(file);
        segments.recover();
        ExpiringIdTable finished = ExpiringIdTable.create(file.resolveSibling(file.getFileName() + FINISHED_SUFFIX));
        DeliveryStatusStore store = new DeliveryStatusStore(segments, clock, rotateBytes, recentlyFinished, finished);
        try {
            synchronized (store) {
                store.load();
            }
        } catch (IOException | RuntimeException e) {
            finished.close();
            throw e;
        }
        return store;
    }

    /**
     * The status of one message as the journal's files hold it, for {@code ncb status} while the node
     * runs: every segment is read, so this costs a read of the whole history.
     */
    public static Optional<MessageStatus> read(Path file, UUID messageId) throws IOException {
        return new StatusSegments(file).find(messageId);
    }

    /** The messages still awaiting a receipt at {@code now}, oldest first: all are in the active file. */
    public static List<MessageStatus> pending(Path file, Instant now) throws IOException {
        Map<UUID, TrackedMessage> messages = new LinkedHashMap<>();
        if (Files.exists(file)) {
            StatusSegments.read(file, line -> true, event -> TrackedMessage.apply(messages, event));
        }
        return pendingOf(messages, now);
    }

    public void recordSent(UUID messageId, MessageKind kind, String payloadId, List<String> recipients, Instant at,
                           Instant expiresAt) {
        StatusEvent event = StatusEvent.sent(messageId, kind, payloadId, recipients, at, expiresAt);
        byte[] line = StatusSegments.line(event);
        GroupCommitFile target;
        long ticket;
        synchronized (this) {
            // sent already: return once that record is on disk too
            if (!awaited.containsKey(messageId) && !finished.contains(messageId)) {
                write(event, line);
                awaited.put(messageId, new TrackedMessage(event));
                if (--untilSweep <= 0) {
                    sweep();
                }
            }
            target = journal;
            ticket = target.lastTicket();
        }
        force(target, ticket, event);
    }

    /**
     * Applies one recipient's receipt. Returns false, writing nothing, when the message is unknown or
     * finished, the sender is not one of its recipients, or that recipient has already answered
     * (returning, then, once that answer is on disk).
     */
    public boolean recordReceipt(UUID messageId, String recipient, ReceiptOutcome outcome, Instant at) {
        StatusEvent event = StatusEvent.receipt(messageId, recipient, outcome, at);
        byte[] line = StatusSegments.line(event);
        GroupCommitFile target;
        long ticket;
        boolean applies;
        synchronized (this) {
            TrackedMessage tracked = awaited.get(messageId);
            applies = tracked != null && !tracked.finished(clock.instant()) && tracked.awaits(recipient);
            if (applies) {
                write(event, line);
                tracked.answer(event);
                if (tracked.answered()) {
                    finish(tracked);
                }
            }
            target = journal;
            ticket = target.lastTicket();
        }
        force(target, ticket, event);
        return applies;
    }

    /**
     * The message's status: from memory while it is awaited or just finished, else from the journal's files
     * while its receipts could still come (a day after its expiry); {@link #read} finds older ones too.
     */
    public Optional<MessageStatus> find(UUID messageId) {
        synchronized (this) {
            TrackedMessage tracked = awaited.get(messageId);
            if (tracked != null) {
                return Optional.of(tracked.status());
            }
            MessageStatus recent = recentlyFinished.get(messageId);
            if (recent != null || !finished.contains(messageId)) {
                return Optional.ofNullable(recent);
            }
        }
        files.readLock().lock();
        try {
            return segments.find(messageId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the delivery status of " + messageId, e);
        } finally {
            files.readLock().unlock();
        }
    }

    /** The messages still awaiting a receipt, oldest first. */
    public synchronized List<MessageStatus> pending() {
        return pendingOf(awaited, clock.instant());
    }

    /** Messages held in memory: awaited, and recently finished. */
    synchronized int inMemory() {
        return awaited.size() + recentlyFinished.size();
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            journal.close();
        } finally {
            finished.close();
        }
    }

    private void load() throws IOException {
        Path active = segments.active();
        FileChannel channel = FileChannel.open(active, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            // a line torn by a crash: its call never returned, and the next line must not join it
            journalBytes = StatusSegments.wholeLines(channel);
            channel.truncate(journalBytes);
            channel.position(journalBytes);
            Map<UUID, TrackedMessage> messages = new LinkedHashMap<>();
            StatusSegments.read(active, line -> true, event -> TrackedMessage.apply(messages, event));
            Instant now = clock.instant();
            for (TrackedMessage tracked : messages.values()) {
                if (tracked.finished(now)) {
                    finished.add(tracked.messageId(), keptUntil(tracked));
                } else {
                    awaited.put(tracked.messageId(), tracked);
                }
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        journal = new GroupCommitFile(active, channel);
    }

    /** Writes the line; rotates the journal first when it is full. The caller forces before it returns. */
    private void write(StatusEvent event, byte[] line) {
        try {
            if (journalBytes - carriedBytes + line.length > rotateBytes && journalBytes > 0) {
                rotate();
            }
            journal.write(line);
            journalBytes += line.length;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record delivery status of " + event.messageId(), e);
        }
    }

    /**
     * Moves the journal to a segment and starts a new one with the lines of the messages still awaited.
     * Every line of the old one is forced first, so that its callers still waiting are answered.
     */
    private void rotate() throws IOException {
        files.writeLock().lock();
        try {
            journal.force(journal.lastTicket());
            sweep();
            long[] bytes = new long[1];
            try {
                segments.prepare(out -> {
                    for (TrackedMessage tracked : awaited.values()) {
                        bytes[0] += tracked.writeTo(out);
                    }
                });
            } catch (IOException e) {
                // the journal is whole and still appended to: the rotation is tried again as much later
                LOG.warn("event=status-rotation-failed file={} reason={}", segments.active(), e.getMessage());
                carriedBytes = journalBytes;
                return;
            }
            GroupCommitFile old = journal;
            try {
                segments.rotate();
                journal = new GroupCommitFile(segments.active(), FileChannel.open(segments.active(),
                        StandardOpenOption.WRITE, StandardOpenOption.APPEND));
                journalBytes = bytes[0];
                carriedBytes = bytes[0];
            } finally {
                // a line appended to the old file once it is a segment would be read before the carried ones
                old.close();
            }
        } finally {
            files.writeLock().unlock();
        }
    }

    /** Finishes the messages that expired a day ago; forgets the ids of finished ones past that time too. */
    private void sweep() {
        Instant now = clock.instant();
        awaited.values().removeIf(tracked -> {
            if (tracked.finished(now)) {
                recentlyFinished.put(tracked.messageId(), tracked.status());
                return true;
            }
            return false;
        });
        finished.removeUntil(now.getEpochSecond());
        untilSweep = Math.max(MIN_SWEEP, awaited.size() + finished.size());
    }

    private void finish(TrackedMessage tracked) {
        awaited.remove(tracked.messageId());
        try {
            finished.add(tracked.messageId(), keptUntil(tracked));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the id of finished message " + tracked.messageId(), e);
        }
        recentlyFinished.put(tracked.messageId(), tracked.status());
    }

    private static long keptUntil(TrackedMessage tracked) {
        Instant until = tracked.awaitedUntil();
        return until.equals(Instant.MAX) ? Long.MAX_VALUE : until.getEpochSecond() + 1;
    }

    private static List<MessageStatus> pendingOf(Map<UUID, TrackedMessage> messages, Instant now) {
        return messages.values().stream().filter(tracked -> !tracked.finished(now)).map(TrackedMessage::status)
                .sorted(Comparator.comparing(MessageStatus::sentAt)).toList();
    }

    private static void force(GroupCommitFile target, long ticket, StatusEvent event) {
        try {
            target.force(ticket);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record delivery status of " + event.messageId(), e);
        }
    }
}
