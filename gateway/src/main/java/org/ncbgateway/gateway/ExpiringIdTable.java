package org.ncbgateway.gateway;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * A set of message ids, each with the epoch second until which it must be remembered: an open-addressing
 * table (linear probing) of 24-byte slots in a memory-mapped scratch file ({@link MappedSlots}), so that
 * the heap stays flat however many ids a node must remember (rate times expiry: gigabytes at a week's
 * expiry and a sustained load). A lookup allocates nothing. Ids are dropped only by {@link #removeUntil},
 * in place (backward-shift deletion: no tombstones, no new file); the file only grows, by doubling when
 * three quarters full. The file is not durable: its owner fills a new table from its own forced file at
 * each start. Not thread-safe: its owner locks.
 */
final class ExpiringIdTable implements Closeable {

    private static final int MIN_CAPACITY = 64;
    private static final int MAX_CAPACITY = 1 << 30;
    private static final String GROWING_SUFFIX = ".growing";

    /** Sees one id and the second until which it is kept; may write it somewhere. */
    @FunctionalInterface
    interface Visitor {
        void visit(UUID id, long untilSecond) throws IOException;
    }

    private final Path file;
    private MappedSlots slots;
    private int size;
    private long growths;

    private ExpiringIdTable(Path file, MappedSlots slots) {
        this.file = file;
        this.slots = slots;
    }

    /** An empty table in {@code file}, replacing whatever the file held (a table of an earlier run). */
    static ExpiringIdTable create(Path file) throws IOException {
        Files.deleteIfExists(growing(file));
        return new ExpiringIdTable(file, MappedSlots.create(file, MIN_CAPACITY));
    }

    int size() {
        return size;
    }

    /** How many times the table grew: each time, every id moved to another slot. */
    long growths() {
        return growths;
    }

    boolean contains(UUID id) {
        return slots.until(slot(id.getMostSignificantBits(), id.getLeastSignificantBits())) != 0;
    }

    /**
     * Adds the id, or extends how long it is kept when it is there already with an earlier second.
     * Returns whether it was absent.
     */
    boolean add(UUID id, long untilSecond) throws IOException {
        if (untilSecond <= 0) {
            throw new IllegalArgumentException("id " + id + " kept until " + untilSecond + ", not a positive second");
        }
        long msb = id.getMostSignificantBits();
        long lsb = id.getLeastSignificantBits();
        int slot = slot(msb, lsb);
        long kept = slots.until(slot);
        if (kept != 0) {
            if (untilSecond > kept) {
                slots.until(slot, untilSecond);
            }
            return false;
        }
        if ((size + 1L) * 4 > slots.capacity() * 3L) {
            grow();
            slot = slot(msb, lsb);
        }
        slots.put(slot, msb, lsb, untilSecond);
        size++;
        return true;
    }

    /** Drops every id kept until {@code second} or before, in one pass over the slots. */
    void removeUntil(long second) {
        int capacity = slots.capacity();
        int slot = 0;
        while (slot < capacity) {
            long until = slots.until(slot);
            if (until != 0 && until <= second) {
                // the slot now holds the next id of its run, if any: look at it again
                remove(slot);
            } else {
                slot++;
            }
        }
    }

    /** Visits every id with the second until which it is kept. */
    void forEach(Visitor visitor) throws IOException {
        forEach(0, slots.capacity(), visitor);
    }

    /**
     * Visits the ids of {@code count} slots from slot {@code from}; returns the slot to go on from, -1 after the
     * last one.
     */
    int forEach(int from, int count, Visitor visitor) throws IOException {
        int to = (int) Math.min(slots.capacity(), (long) from + count);
        for (int i = from; i < to; i++) {
            long until = slots.until(i);
            if (until != 0) {
                visitor.visit(new UUID(slots.high(i), slots.low(i)), until);
            }
        }
        return to == slots.capacity() ? -1 : to;
    }

    /** Deletes the file; the table is not used after. */
    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }

    /**
     * Empties the slot and moves back into it the ids of its run that probing would no longer reach past it
     * (Knuth's algorithm R), so that every id stays reachable from its home slot with no tombstone.
     */
    private void remove(int slot) {
        int mask = slots.capacity() - 1;
        int hole = slot;
        for (int next = (hole + 1) & mask; slots.until(next) != 0; next = (next + 1) & mask) {
            int home = home(slots.high(next), slots.low(next), mask);
            // the id at next stays when its home lies cyclically in (hole, next]
            boolean stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (!stays) {
                slots.put(hole, slots.high(next), slots.low(next), slots.until(next));
                hole = next;
            }
        }
        slots.free(hole);
        size--;
    }

    /** Moves every id to a file of twice the slots, then puts it in place of the old one. */
    private void grow() throws IOException {
        if (slots.capacity() >= MAX_CAPACITY) {
            throw new IOException(file + ": " + size + " ids, as many as the table holds");
        }
        Path next = growing(file);
        MappedSlots old = slots;
        MappedSlots bigger = MappedSlots.create(next, old.capacity() * 2);
        slots = bigger;
        try {
            for (int i = 0; i < old.capacity(); i++) {
                long until = old.until(i);
                if (until != 0) {
                    long msb = old.high(i);
                    long lsb = old.low(i);
                    bigger.put(slot(msb, lsb), msb, lsb, until);
                }
            }
            // the old mapping stays valid until collected; its file is gone once replaced
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            growths++;
        } catch (IOException | RuntimeException e) {
            slots = old;
            Files.deleteIfExists(next);
            throw e;
        }
    }

    /** The slot holding the id, or the free slot where it would go. */
    private int slot(long msb, long lsb) {
        int mask = slots.capacity() - 1;
        int slot = home(msb, lsb, mask);
        while (slots.until(slot) != 0 && (slots.high(slot) != msb || slots.low(slot) != lsb)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static int home(long msb, long lsb, int mask) {
        return mix(msb ^ lsb) & mask;
    }

    /** Random UUIDs are well spread already; the mix keeps ids that differ in few bits apart too. */
    private static int mix(long bits) {
        long h = bits * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private static Path growing(Path file) {
        return file.resolveSibling(file.getFileName() + GROWING_SUFFIX);
    }
}
