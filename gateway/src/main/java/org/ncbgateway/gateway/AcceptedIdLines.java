package org.ncbgateway.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The lines of an {@code accepted-ids} file: {@code <id> <instant until which it is kept>}, or an id alone
 * (the format before expiry was kept), kept for ever.
 */
final class AcceptedIdLines {

    /** Expiry of ids whose message had none known; also the latest second a line can hold. */
    static final Instant FOREVER = Instant.parse("9999-12-31T23:59:59Z");
    private static final int READ_BLOCK = 1 << 16;

    /** Takes one line's id and the second until which it is kept. */
    @FunctionalInterface
    interface Sink {
        void take(UUID id, long untilSecond) throws IOException;
    }

    /** What a read found: its whole lines, and their length in bytes (a torn last line follows them). */
    record Read(long lines, long length) {
    }

    private AcceptedIdLines() {
    }

    static byte[] line(UUID id, long until) {
        return (id + " " + Instant.ofEpochSecond(until) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Gives every whole line of the file to {@code sink}, reading it a block at a time: it holds twice the ids
     * kept at most, gigabytes at a week's expiry, more than one array can.
     */
    static Read read(Path path, Sink sink) throws IOException {
        byte[] buffer = new byte[READ_BLOCK];
        int filled = 0;
        long base = 0;
        long lines = 0;
        try (InputStream in = Files.newInputStream(path)) {
            for (int read; (read = in.read(buffer, filled, buffer.length - filled)) > 0; ) {
                filled += read;
                int start = 0;
                for (int end; (end = indexOf(buffer, start, filled)) >= 0; start = end + 1) {
                    lines++;
                    String line = new String(buffer, start, end - start, StandardCharsets.US_ASCII);
                    sink.take(parseId(path, line, lines), parseUntil(path, line, lines));
                }
                System.arraycopy(buffer, start, buffer, 0, filled - start);
                base += start;
                filled -= start;
                if (filled == buffer.length) {
                    throw notAnId(path, lines + 1, null);
                }
            }
        }
        return new Read(lines, base);
    }

    /** The second until which the line's id is kept; an id alone is kept for ever. */
    private static long parseUntil(Path path, String line, long number) throws IOException {
        if (line.length() == 36) {
            return FOREVER.getEpochSecond();
        }
        if (line.length() < 38 || line.charAt(36) != ' ') {
            throw notAnId(path, number, null);
        }
        try {
            return Instant.parse(line.substring(37)).truncatedTo(ChronoUnit.SECONDS).getEpochSecond();
        } catch (DateTimeParseException e) {
            throw new IOException(path + ": line " + number + " has no expiry instant after the message id", e);
        }
    }

    private static UUID parseId(Path path, String line, long number) throws IOException {
        if (line.length() < 36) {
            throw notAnId(path, number, null);
        }
        try {
            return UUID.fromString(line.substring(0, 36));
        } catch (IllegalArgumentException e) {
            throw notAnId(path, number, e);
        }
    }

    private static IOException notAnId(Path path, long number, Exception cause) {
        return new IOException(path + ": line " + number + " is not a message id", cause);
    }

    private static int indexOf(byte[] content, int from, int to) {
        for (int i = from; i < to; i++) {
            if (content[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
