package org.ncbgateway.audit;

import java.nio.file.Path;
import java.util.HexFormat;

/**
 * One entry as read back from a segment file, with where it was found.
 *
 * @param seq its sequence number (1 for the first entry of a log)
 * @param prevHash the entry hash it declares for its predecessor
 * @param meta its JSON part
 * @param data its binary part: the wire bytes of a message event, the CMS SignedData of a seal or countersignature
 * @param hash its entry hash, SHA-256 of its body (as stored and as recomputed: a scanner only yields it when both agree)
 * @param file the segment file
 * @param offset the byte offset of its length field in that file
 */
public record LogEntry(long seq, byte[] prevHash, EntryMeta meta, byte[] data, byte[] hash, Path file, long offset) {

    public ChainHead head() {
        return new ChainHead(seq, hash);
    }

    public String hashHex() {
        return HexFormat.of().formatHex(hash);
    }

    public String prevHashHex() {
        return HexFormat.of().formatHex(prevHash);
    }

    public EntryType type() {
        return meta.type();
    }

    /** Where to find it, for findings and messages: {@code file@offset}. */
    public String place() {
        return file.getFileName() + "@" + offset;
    }
}
