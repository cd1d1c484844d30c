package org.ncbgateway.audit;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's append-only, hash-chained message log (SPEC section 8, docs/message-log.md).
 *
 * <p>Thread-safe. One writer thread takes every pending append, writes the batch to the open segment and
 * forces it once (group commit); {@link #append} returns the entry's sequence number only after that
 * force, so an event is durable before the message it concerns is acknowledged to anyone. A batch of
 * {@link #appendLazily lazy} entries alone is written but forced only with the next batch someone waits for.
 */
public final class MessageLog implements AutoCloseable {

    /** Default size at which a new segment is started. */
    public static final long DEFAULT_SEGMENT_BYTES = 64L * 1024 * 1024;
    private static final int MAX_BATCH = 256;
    /** The longest a lazily appended entry waits for a force when no other append comes. */
    static final Duration LAZY_FORCE_DELAY = Duration.ofMillis(20);
    private static final Logger LOG = LoggerFactory.getLogger(MessageLog.class);

    private final Path dir;
    private final String node;
    private final TornTail tornTail;
    private final SegmentWriter writer;
    private final Duration lazyForceDelay;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final ReadWriteLock closing = new ReentrantReadWriteLock();
    private volatile ChainHead durableHead;
    private volatile boolean closed;
    private volatile IOException failure;
    private final AtomicLong forces = new AtomicLong();

    /** {@code waitedFor}: someone waits for it, so its batch is forced at once. */
    private record Pending(EntryContent.OverHead content, CompletableFuture<Long> done, boolean waitedFor) {
    }

    private static final Pending STOP = new Pending(null, null, true);

    private MessageLog(Path dir, String node, long segmentBytes, Duration lazyForceDelay) throws IOException {
        this.dir = dir;
        this.node = node;
        this.lazyForceDelay = lazyForceDelay;
        LogRecovery.Result recovered = LogRecovery.recover(dir);
        this.tornTail = recovered.tornTail();
        this.writer = new SegmentWriter(dir, recovered.openSegment(), recovered.head(), segmentBytes);
        this.durableHead = recovered.head();
        this.thread = new Thread(this::writeLoop, "ncb-log-writer-" + node);
        thread.setDaemon(true);
        thread.start();
        if (tornTail != null) {
            LOG.warn("event=log_torn_tail_truncated node={} file={} offset={} truncatedBytes={} lastGoodSeq={} reason=\"{}\"",
                    node, tornTail.file().getFileName(), tornTail.offset(), tornTail.truncatedBytes(),
                    tornTail.lastGoodSeq(), tornTail.reason());
            appendContent(head -> new EntryContent(new EntryMeta(EntryType.RECOVERED, Instant.now(), node, null,
                    null, null, null, tornTail.describe(), null, null), new byte[0]));
        }
    }

    /** Opens (creating if needed) the log in {@code dir}, recovering from a torn tail left by a crash. */
    public static MessageLog open(Path dir, String node) throws IOException {
        return open(dir, node, DEFAULT_SEGMENT_BYTES);
    }

    public static MessageLog open(Path dir, String node, long segmentBytes) throws IOException {
        return open(dir, node, segmentBytes, LAZY_FORCE_DELAY);
    }

    static MessageLog open(Path dir, String node, long segmentBytes, Duration lazyForceDelay) throws IOException {
        Objects.requireNonNull(node, "node");
        Files.createDirectories(dir);
        return new MessageLog(dir, node, segmentBytes, lazyForceDelay);
    }

    /** Appends a message event; returns its sequence number once it is on disk. */
    public long append(LogEvent event) {
        return await(appendAsync(event));
    }

    /**
     * Appends without waiting; the future completes with the sequence number once the entry is on disk.
     * Entries are written in the order they were appended, and a batch is on disk before the next is
     * written: once an append returns (or its future completes), every append made before it by the same
     * thread is on disk too, or has failed alone (an entry that could not be built).
     */
    public CompletableFuture<Long> appendAsync(LogEvent event) {
        return enqueue(content(event), true);
    }

    /**
     * Appends an entry that nobody waits for by itself, because every way on logs another entry of the same
     * message and waits for that one (a bureau's {@code received}): it is written in order like any other,
     * but does not cost a force of its own. The next append someone waits for forces it too; without one,
     * it is forced within {@link #LAZY_FORCE_DELAY}, or at close. The future completes once it is
     * on disk.
     */
    public CompletableFuture<Long> appendLazily(LogEvent event) {
        return enqueue(content(event), false);
    }

    private EntryContent.OverHead content(LogEvent event) {
        EntryMeta meta = EntryMeta.forEvent(node, event);
        byte[] wire = event.wireUnsafe();
        return head -> new EntryContent(meta, wire);
    }

    /** Appends an entry built from the head it follows (seals, countersignatures); returns once durable. */
    public long appendContent(EntryContent.OverHead content) {
        return await(enqueue(content, true));
    }

    /** Forces of the segment done so far for appends: fewer than the appends when they shared them. */
    long forces() {
        return forces.get();
    }

    /** The last entry known to be on disk. */
    public ChainHead head() {
        return durableHead;
    }

    public String node() {
        return node;
    }

    public Path dir() {
        return dir;
    }

    /** The torn tail cut off when this log was opened, if any. */
    public Optional<TornTail> tornTail() {
        return Optional.ofNullable(tornTail);
    }

    private CompletableFuture<Long> enqueue(EntryContent.OverHead content, boolean waitedFor) {
        if (failure != null) {
            throw new UncheckedIOException("message log of " + node + " failed earlier", failure);
        }
        CompletableFuture<Long> done = new CompletableFuture<>();
        // appenders share the read lock (no monitor for them to queue on); close takes the write lock, so
        // nothing is added after STOP
        closing.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("message log of " + node + " is closed");
            }
            queue.add(new Pending(content, done, waitedFor));
        } finally {
            closing.readLock().unlock();
        }
        // a writer that failed while this was added may have emptied the queue before it: fail it here
        IOException failed = failure;
        if (failed != null) {
            done.completeExceptionally(failed);
        }
        return done;
    }

    /**
     * Waits until an {@link #appendAsync asynchronous append} is on disk and returns its sequence number;
     * a failed write is thrown as {@link #append} would.
     */
    public long await(CompletableFuture<Long> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the log of " + node, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new UncheckedIOException("message log of " + node + " could not write", io);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        UnforcedEntries unforced = new UnforcedEntries(lazyForceDelay.toNanos());
        boolean stop = false;
        while (!stop) {
            batch.clear();
            try {
                Pending first = unforced.isEmpty() ? queue.take()
                        : queue.poll(unforced.nanosLeft(), TimeUnit.NANOSECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(batch, unforced, new InterruptedIOException("the writer of the message log was interrupted"));
                return;
            }
            boolean force = batch.isEmpty() || unforced.size() + batch.size() >= MAX_BATCH;
            try {
                for (Pending pending : batch) {
                    stop |= pending == STOP;
                    force |= pending == STOP || pending.waitedFor();
                    if (pending != STOP) {
                        unforced.add(pending.done(), writeOne(pending));
                    }
                }
                if (force) {
                    writer.force();
                    forces.incrementAndGet();
                }
            } catch (IOException e) {
                fail(batch, unforced, e);
                return;
            } catch (RuntimeException | Error e) {
                // the writer thread ends here: whoever waits on an entry must hear why rather than wait forever
                fail(batch, unforced, new IOException("the writer of the message log failed: " + e, e));
                return;
            }
            if (force) {
                durableHead = writer.head();
                unforced.forced();
            }
        }
    }

    /** Writes one entry; a content that cannot be built fails alone, before anything reaches the file. */
    private Long writeOne(Pending pending) throws IOException {
        EntryContent content;
        try {
            content = pending.content().create(writer.head());
            return writer.append(content);
        } catch (RuntimeException e) {
            pending.done().completeExceptionally(e);
            return null;
        }
    }

    private void fail(List<Pending> batch, UnforcedEntries unforced, IOException e) {
        failure = e;
        LOG.error("event=log_write_failed node={} dir={} reason=\"{}\"", node, dir, e.getMessage());
        unforced.fail(e);
        batch.forEach(p -> {
            if (p.done() != null) {
                p.done().completeExceptionally(e);
            }
        });
        Pending rest;
        while ((rest = queue.poll()) != null) {
            if (rest.done() != null) {
                rest.done().completeExceptionally(e);
            }
        }
    }

    /** Writes everything pending, forces it and closes the segment. */
    @Override
    public void close() throws IOException {
        closing.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        } finally {
            closing.writeLock().unlock();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.close();
        if (failure != null) {
            throw failure;
        }
    }
}
