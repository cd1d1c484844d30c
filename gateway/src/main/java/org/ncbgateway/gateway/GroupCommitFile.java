package org.ncbgateway.gateway;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * An append-only file whose appends reach the disk before their callers go on, one force for many of
 * them (a {@link GroupForce}): a caller {@link #write writes}, then {@link #force forces} up to its ticket.
 *
 * <p>After a failed write or force the file refuses everything: what reached the disk is unknown until
 * it is reopened (and read back by its owner).
 */
final class GroupCommitFile implements Closeable {

    private final Path file;
    private final FileChannel channel;
    private final GroupForce group;
    private long written;
    private volatile IOException failure;

    /** Appends to {@code channel}, positioned at the end of {@code file}. */
    GroupCommitFile(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
        this.group = new GroupForce(this::lastTicket, () -> {
            healthy();
            try {
                channel.force(false);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        });
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
        group.force(ticket);
    }

    /** Forces done so far: fewer than the writes when callers shared them. */
    long forces() {
        return group.forces();
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
