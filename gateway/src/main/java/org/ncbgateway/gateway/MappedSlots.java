package org.ncbgateway.gateway;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The slots of an {@link ExpiringIdTable}, each an id's two halves and the second until which it is kept
 * (0: free), in a memory-mapped file rather than on the heap: the operating system keeps in memory what is
 * used and may write the rest to disk, so the heap does not grow with the ids held. The file is scratch,
 * never forced: the table's owner rebuilds it from its own durable file at each start.
 */
final class MappedSlots {

    static final int SLOT_BYTES = 24;
    /** Slots per mapping: 768 MB, under the 2 GB one buffer can address. */
    private static final int CHUNK_SHIFT = 25;
    private static final int CHUNK_MASK = (1 << CHUNK_SHIFT) - 1;
    private static final int ZEROS = 1 << 20;

    private final int capacity;
    private final MappedByteBuffer[] chunks;

    private MappedSlots(int capacity, MappedByteBuffer[] chunks) {
        this.capacity = capacity;
        this.chunks = chunks;
    }

    /**
     * Creates the file anew with {@code capacity} free slots. Its space is written (zeros) before it is mapped,
     * so that a full disk fails here with an {@link IOException} rather than later in a write to the mapping.
     */
    static MappedSlots create(Path file, int capacity) throws IOException {
        long bytes = (long) capacity * SLOT_BYTES;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(bytes, ZEROS));
            for (long at = 0; at < bytes; at += zeros.capacity()) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), bytes - at));
                while (zeros.hasRemaining()) {
                    channel.write(zeros, at + zeros.position());
                }
            }
            int count = (int) ((capacity + (long) CHUNK_MASK) >>> CHUNK_SHIFT);
            MappedByteBuffer[] chunks = new MappedByteBuffer[count];
            for (int i = 0; i < count; i++) {
                long from = ((long) i << CHUNK_SHIFT) * SLOT_BYTES;
                chunks[i] = channel.map(FileChannel.MapMode.READ_WRITE, from, Math.min(bytes - from,
                        (long) (CHUNK_MASK + 1) * SLOT_BYTES));
            }
            return new MappedSlots(capacity, chunks);
        }
    }

    int capacity() {
        return capacity;
    }

    long high(int slot) {
        return chunk(slot).getLong(offset(slot));
    }

    long low(int slot) {
        return chunk(slot).getLong(offset(slot) + 8);
    }

    long until(int slot) {
        return chunk(slot).getLong(offset(slot) + 16);
    }

    void put(int slot, long high, long low, long until) {
        ByteBuffer chunk = chunk(slot);
        int at = offset(slot);
        chunk.putLong(at, high);
        chunk.putLong(at + 8, low);
        chunk.putLong(at + 16, until);
    }

    void until(int slot, long until) {
        chunk(slot).putLong(offset(slot) + 16, until);
    }

    void free(int slot) {
        put(slot, 0, 0, 0);
    }

    private ByteBuffer chunk(int slot) {
        return chunks[slot >>> CHUNK_SHIFT];
    }

    private static int offset(int slot) {
        return (slot & CHUNK_MASK) * SLOT_BYTES;
    }
}
