package org.ncbgateway.audit;

import java.util.ArrayList;
import java.util.List;

/** The entry hash of every seq of a verified log, 32 bytes each in pages, for checking seals and witnesses. */
final class HashIndex {

    private static final int PER_PAGE = 1 << 15;
    private final List<byte[]> pages = new ArrayList<>();
    private long size;

    void put(long seq, byte[] hash) {
        long index = seq - 1;
        while (index >= (long) pages.size() * PER_PAGE) {
            pages.add(new byte[PER_PAGE * LogFormat.HASH_BYTES]);
        }
        System.arraycopy(hash, 0, pages.get((int) (index / PER_PAGE)), (int) (index % PER_PAGE) * LogFormat.HASH_BYTES,
                LogFormat.HASH_BYTES);
        size = Math.max(size, seq);
    }

    /**
     * The hash of entry {@code seq}, or null when the log has no such entry. Seq 0 is the head of the empty log
     * (32 zero bytes, the first entry's {@code prevHash}): a node sealed before its first event seals that.
     */
    byte[] get(long seq) {
        if (seq == ChainHead.GENESIS.seq()) {
            return ChainHead.GENESIS.hash();
        }
        if (seq < 1 || seq > size) {
            return null;
        }
        long index = seq - 1;
        byte[] hash = new byte[LogFormat.HASH_BYTES];
        System.arraycopy(pages.get((int) (index / PER_PAGE)), (int) (index % PER_PAGE) * LogFormat.HASH_BYTES, hash, 0,
                LogFormat.HASH_BYTES);
        for (byte b : hash) {
            if (b != 0) {
                return hash;
            }
        }
        return null;
    }

    long lastSeq() {
        return size;
    }
}
