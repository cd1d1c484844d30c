package org.ncbgateway.gateway;

import java.util.UUID;
import java.io.IOException;

/**
 * A set of message ids, each with the epoch second until which it must be remembered, in three
 * primitive arrays (open addressing, linear probing): about 40 bytes an id where a {@code HashSet<UUID>}
 * takes about 80, and a lookup allocates nothing. Ids are dropped only by {@link #removeUntil}. Not
 * thread-safe: its owner locks.
 */
final class ExpiringIdTable {

    private static final int MIN_CAPACITY = 64;

    /** Sees one id and the second until which it is kept; may write it somewhere. */
    @FunctionalInterface
    interface Visitor {
        void visit(UUID id, long untilSecond) throws IOException;
    }

    private long[] high;
    private long[] low;
    /** Epoch second until which the id is kept; 0 marks a free slot. */
    private long[] until;
    private int size;

    ExpiringIdTable() {
        allocate(MIN_CAPACITY);
    }

    int size() {
        return size;
    }

    boolean contains(UUID id) {
        return until[slot(id.getMostSignificantBits(), id.getLeastSignificantBits())] != 0;
    }

    /**
     * Adds the id, or extends how long it is kept when it is there already with an earlier second.
     * Returns whether it was absent.
     */
    boolean add(UUID id, long untilSecond) {
        if (untilSecond <= 0) {
            throw new IllegalArgumentException("id " + id + " kept until " + untilSecond + ", not a positive second");
        }
        long msb = id.getMostSignificantBits();
        long lsb = id.getLeastSignificantBits();
        int slot = slot(msb, lsb);
        if (until[slot] != 0) {
            until[slot] = Math.max(until[slot], untilSecond);
            return false;
        }
        high[slot] = msb;
        low[slot] = lsb;
        until[slot] = untilSecond;
        if (++size * 4 > until.length * 3) {
            rebuild(until.length * 2, 0);
        }
        return true;
    }

    /** Drops every id kept until {@code second} or before; the arrays are sized anew to half full. */
    void removeUntil(long second) {
        int kept = 0;
        for (long value : until) {
            if (value > second) {
                kept++;
            }
        }
        int capacity = MIN_CAPACITY;
        while (kept * 2 > capacity) {
            capacity *= 2;
        }
        rebuild(capacity, second);
    }

    /** Visits every id with the second until which it is kept. */
    void forEach(Visitor visitor) throws IOException {
        for (int i = 0; i < until.length; i++) {
            if (until[i] != 0) {
                visitor.visit(new UUID(high[i], low[i]), until[i]);
            }
        }
    }

    private void rebuild(int capacity, long droppedUntil) {
        long[] oldHigh = high;
        long[] oldLow = low;
        long[] oldUntil = until;
        allocate(capacity);
        for (int i = 0; i < oldUntil.length; i++) {
            if (oldUntil[i] != 0 && oldUntil[i] > droppedUntil) {
                int slot = slot(oldHigh[i], oldLow[i]);
                high[slot] = oldHigh[i];
                low[slot] = oldLow[i];
                until[slot] = oldUntil[i];
                size++;
            }
        }
    }

    private void allocate(int capacity) {
        high = new long[capacity];
        low = new long[capacity];
        until = new long[capacity];
        size = 0;
    }

    /** The slot holding the id, or the free slot where it would go. */
    private int slot(long msb, long lsb) {
        int mask = until.length - 1;
        int slot = mix(msb ^ lsb) & mask;
        while (until[slot] != 0 && (high[slot] != msb || low[slot] != lsb)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Random UUIDs are well spread already; the mix keeps ids that differ in few bits apart too. */
    private static int mix(long bits) {
        long h = bits * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
