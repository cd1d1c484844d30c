package org.ncbgateway.audit;

import java.util.Arrays;
import java.util.HexFormat;

/** The last entry of a log: its sequence number and entry hash. An empty log's head is seq 0 with 32 zero bytes. */
public record ChainHead(long seq, byte[] hash) {

    public static final ChainHead GENESIS = new ChainHead(0, new byte[LogFormat.HASH_BYTES]);

    public ChainHead {
        if (hash.length != LogFormat.HASH_BYTES) {
            throw new IllegalArgumentException("a chain hash has " + LogFormat.HASH_BYTES + " bytes, got " + hash.length);
        }
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    public String hashHex() {
        return HexFormat.of().formatHex(hash);
    }

    public boolean sameAs(ChainHead other) {
        return seq == other.seq && Arrays.equals(hash, other.hash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChainHead other && sameAs(other);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seq) * 31 + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "seq=" + seq + " hash=" + hashHex();
    }
}
