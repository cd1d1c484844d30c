package org.ncbgateway.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes the ids of a table to a compacted file while its owner goes on appending, holding the owner's lock
 * only to read a few thousand slots at a time: a compaction of millions of ids no longer stops every caller
 * for as long as it writes. Sound because, while it runs, the owner only adds ids (it sweeps nothing): an id
 * in the table when it starts stays in its slot and is read once, and every line the owner appends meanwhile
 * is kept here and written after them ({@link #appended}). A table that grows (its ids move) ends the
 * rewrite with an {@link IOException}; the owner tries again later.
 */
final class KeptIdsWriter {

    /** The line of an id kept until a second. */
    @FunctionalInterface
    interface Line {
        byte[] of(UUID id, long untilSecond);
    }

    private static final int SLOTS_AT_ONCE = 4096;

    private final Object lock;
    private final ExpiringIdTable ids;
    private final Line line;
    private final long growths;
    private final List<byte[]> appended = new ArrayList<>();
    private Runnable betweenReads = () -> { };

    /** Called holding {@code lock}, the lock of every change to {@code ids}. */
    KeptIdsWriter(Object lock, ExpiringIdTable ids, Line line) {
        this.lock = lock;
        this.ids = ids;
        this.line = line;
        this.growths = ids.growths();
    }

    /** A line the owner appended to its file while this runs; called holding the lock. */
    void appended(byte[] bytes) {
        appended.add(bytes);
    }

    /** Something to run each time the lock is let go (tests). */
    void betweenReads(Runnable action) {
        betweenReads = action;
    }

    /** Writes every id of the table, without the lock held but to read; returns the lines written. */
    long writeTable(FileChannel channel) throws IOException {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream(SLOTS_AT_ONCE * 64);
        long[] written = {0};
        for (int slot = 0; slot >= 0; ) {
            chunk.reset();
            synchronized (lock) {
                if (ids.growths() != growths) {
                    throw new IOException("the table of ids grew during the rewrite: tried again later");
                }
                slot = ids.forEach(slot, SLOTS_AT_ONCE, (id, until) -> {
                    chunk.write(line.of(id, until));
                    written[0]++;
                });
            }
            write(channel, chunk.toByteArray());
            betweenReads.run();
        }
        return written[0];
    }

    /** Writes the lines appended meanwhile; called holding the lock, once the table is written. */
    long writeAppended(FileChannel channel) throws IOException {
        for (byte[] bytes : appended) {
            write(channel, bytes);
        }
        return appended.size();
    }

    private static void write(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
