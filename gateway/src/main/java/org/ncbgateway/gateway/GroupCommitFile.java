package org.ncbgateway.gateway;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An append-only file whose appends reach the disk before their callers go on, one force for many of
 * them (group commit, with no thread of its own): a caller {@link #write writes}, then {@link #force
 * forces} up to its ticket; whoever forces takes everything written so far, so the callers that wrote
 * while a force was running share the next one. On a disk of a few hundred forces per second this is
 * what lets concurrent consumers go faster than one force each.
 *
 * <p>After a failed write or force the file refuses everything: what reached the disk is unknown until
 * it is reopened (and read back by its owner).
 */
final class GroupCommitFile implements Closeable {

    private final Path file;
    private final FileChannel channel;
    private final Object forcing = new Object();
    private final AtomicLong forces = new AtomicLong();
    private long written;
    private volatile long forced;
    private volatile IOException failure;

    /** Appends to {@code channel}, positioned at the end of {@code file}. */
    GroupCommitFile(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Writes the bytes at the end of the file; returns the ticket to {@link #force} before relying on them. */
    synchronized long write(byte[] bytes) throws IOException {
        healthy();
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            failure = e;
            throw e;
        }
        return ++written;
    }

    /** The ticket of the last write: forcing it covers every write before. */
    synchronized long lastTicket() {
        return written;
    }

    /** Returns once every write up to {@code ticket} is on disk. */
    void force(long ticket) throws IOException {
        if (forced >= ticket) {
            return;
        }
        synchronized (forcing) {
            if (forced >= ticket) {
                return;
            }
            healthy();
            long upTo = lastTicket();
            try {
                channel.force(false);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
            forces.incrementAndGet();
            forced = upTo;
        }
    }

    /** Forces done so far: fewer than the writes when callers shared them. */
    long forces() {
        return forces.get();
    }

    private void healthy() throws IOException {
        IOException failed = failure;
        if (failed != null) {
            throw new IOException(file + " failed earlier and takes nothing more until it is reopened: "
                    + failed.getMessage(), failed);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
