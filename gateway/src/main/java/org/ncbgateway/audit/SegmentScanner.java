package org.ncbgateway.audit;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;

/** Reads the records of one segment file in order, telling a clean end from a torn or corrupt one. */
final class SegmentScanner implements Closeable {

    /** What the scanner found at the current offset. */
    sealed interface Step permits Record, End, Broken {
    }

    /** A complete record; {@code hashMatches} says whether the stored hash equals SHA-256 of the body. */
    record Record(long offset, long nextOffset, byte[] body, byte[] storedHash, boolean hashMatches) implements Step {
    }

    /** The file ends exactly after the previous record. */
    record End(long offset) implements Step {
    }

    /**
     * No record can be read at {@code offset}. {@code incomplete} is true when the bytes simply run out
     * (or only zero bytes follow), the signature of a write cut short by a crash.
     */
    record Broken(long offset, boolean incomplete, String reason) implements Step {
    }

    private final Path file;
    private final long size;
    private final DataInputStream in;
    private long offset;
    private boolean finished;

    SegmentScanner(Path file) throws IOException {
        this.file = file;
        this.size = Files.size(file);
        this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    Path file() {
        return file;
    }

    /** Checks the magic; returns a Broken step when it is wrong, else null. */
    Broken readMagic() throws IOException {
        byte[] magic = new byte[LogFormat.MAGIC.length];
        int read = in.readNBytes(magic, 0, magic.length);
        offset = read;
        if (read < magic.length) {
            return new Broken(0, true, "segment shorter than its " + magic.length + "-byte magic");
        }
        if (!Arrays.equals(magic, LogFormat.MAGIC)) {
            return new Broken(0, false, "segment does not start with the magic NCBLOG1\\n");
        }
        return null;
    }

    Step next() throws IOException {
        if (finished) {
            throw new IllegalStateException("scanner already finished");
        }
        long start = offset;
        if (start == size) {
            finished = true;
            return new End(start);
        }
        if (size - start < 4) {
            return broken(start, true, "only " + (size - start) + " bytes where a record length was expected");
        }
        int bodyLength = in.readInt();
        if (bodyLength < LogFormat.MIN_BODY || bodyLength > LogFormat.MAX_BODY) {
            boolean zeros = bodyLength == 0 && restIsZero();
            return broken(start, zeros, "record length " + bodyLength + " outside " + LogFormat.MIN_BODY + ".."
                    + LogFormat.MAX_BODY);
        }
        long needed = 4L + bodyLength + LogFormat.HASH_BYTES;
        if (size - start < needed) {
            return broken(start, true, "record of " + needed + " bytes but only " + (size - start) + " left in the file");
        }
        byte[] body = readFully(bodyLength);
        byte[] stored = readFully(LogFormat.HASH_BYTES);
        offset = start + needed;
        boolean matches = MessageDigest.isEqual(LogFormat.sha256(body), stored);
        return new Record(start, offset, body, stored, matches);
    }

    private Broken broken(long at, boolean incomplete, String reason) {
        finished = true;
        return new Broken(at, incomplete, reason);
    }

    private byte[] readFully(int n) throws IOException {
        byte[] out = new byte[n];
        try {
            in.readFully(out);
        } catch (EOFException e) {
            throw new IOException(file + " shrank while being read", e);
        }
        return out;
    }

    private boolean restIsZero() throws IOException {
        InputStream rest = in;
        int b;
        while ((b = rest.read()) != -1) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
