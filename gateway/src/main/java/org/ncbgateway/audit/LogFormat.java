package org.ncbgateway.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.ncbgateway.json.StrictJson;

/**
 * The on-disk format of docs/message-log.md: segment files starting with {@link #MAGIC}, each a sequence
 * of records {@code u32 bodyLength | body | 32-byte SHA-256(body)}, the body being
 * {@code u8 version | u64 seq | 32-byte previous entry hash | u32 metaLength | meta JSON | u32 dataLength | data}.
 * All integers big-endian.
 */
public final class LogFormat {

    public static final byte[] MAGIC = "NCBLOG1\n".getBytes(StandardCharsets.US_ASCII);
    public static final int HASH_BYTES = 32;
    public static final byte VERSION = 1;
    /** Body bytes before the meta JSON: version, seq, previous hash, meta length. */
    static final int BODY_FIXED = 1 + 8 + HASH_BYTES + 4;
    /** A body without meta and data still has the two length fields. */
    public static final int MIN_BODY = BODY_FIXED + 4;
    /** Caps what a reader allocates for one record; a larger length is corruption. */
    public static final int MAX_BODY = 64 * 1024 * 1024;
    private static final Pattern SEGMENT_NAME = Pattern.compile("^[0-9]{20}\\.seg$");

    private static final ObjectMapper JSON = StrictJson.mapper();

    private LogFormat() {
    }

    static String segmentName(long firstSeq) {
        return String.format(Locale.ROOT, "%020d.seg", firstSeq);
    }

    static boolean isSegmentName(String name) {
        return SEGMENT_NAME.matcher(name).matches();
    }

    static long firstSeqOf(String segmentName) {
        return Long.parseLong(segmentName.substring(0, 20));
    }

    /** Encodes one record ready to append: length, body and entry hash. */
    static EncodedRecord encode(long seq, byte[] prevHash, EntryMeta meta, byte[] data) {
        byte[] metaBytes = metaBytes(meta);
        int bodyLength = BODY_FIXED + metaBytes.length + 4 + data.length;
        if (bodyLength > MAX_BODY) {
            throw new IllegalArgumentException("log entry of " + bodyLength + " bytes exceeds " + MAX_BODY);
        }
        ByteBuffer body = ByteBuffer.allocate(bodyLength);
        body.put(VERSION).putLong(seq).put(prevHash)
                .putInt(metaBytes.length).put(metaBytes)
                .putInt(data.length).put(data);
        byte[] hash = sha256(body.array());
        ByteBuffer record = ByteBuffer.allocate(4 + bodyLength + HASH_BYTES);
        record.putInt(bodyLength).put(body.array()).put(hash);
        return new EncodedRecord(seq, record.array(), hash);
    }

    static byte[] metaBytes(EntryMeta meta) {
        try {
            return JSON.writeValueAsBytes(meta);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("entry meta not serialisable", e);
        }
    }

    /** Decodes a body whose hash already matched; a malformed body is reported with the reason. */
    static DecodedBody decodeBody(byte[] body) throws MalformedEntryException {
        ByteBuffer in = ByteBuffer.wrap(body);
        if (body.length < MIN_BODY) {
            throw new MalformedEntryException("body of " + body.length + " bytes is shorter than " + MIN_BODY);
        }
        byte version = in.get();
        if (version != VERSION) {
            throw new MalformedEntryException("format version " + version + ", expected " + VERSION);
        }
        long seq = in.getLong();
        byte[] prev = new byte[HASH_BYTES];
        in.get(prev);
        byte[] meta = slice(in, "meta");
        byte[] data = slice(in, "data");
        if (in.hasRemaining()) {
            throw new MalformedEntryException(in.remaining() + " bytes after the data field");
        }
        EntryMeta parsed;
        try {
            parsed = JSON.readValue(meta, EntryMeta.class);
        } catch (java.io.IOException | RuntimeException e) {
            throw new MalformedEntryException("meta JSON unreadable: " + e.getMessage());
        }
        return new DecodedBody(seq, prev, parsed, data);
    }

    private static byte[] slice(ByteBuffer in, String field) throws MalformedEntryException {
        if (in.remaining() < 4) {
            throw new MalformedEntryException("no room for the " + field + " length");
        }
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new MalformedEntryException(field + " length " + length + " exceeds the " + in.remaining()
                    + " bytes left in the body");
        }
        byte[] out = new byte[length];
        in.get(out);
        return out;
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    record EncodedRecord(long seq, byte[] bytes, byte[] hash) {
    }

    record DecodedBody(long seq, byte[] prevHash, EntryMeta meta, byte[] data) {
    }

    /** A record whose hash matched but whose body does not follow the format. */
    static final class MalformedEntryException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedEntryException(String reason) {
            super(reason);
        }
    }
}
