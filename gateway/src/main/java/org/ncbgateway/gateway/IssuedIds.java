package org.ncbgateway.gateway;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Allocates the record ids a node issues, {@code <CODE>-<YYYY>-<NNNNNN>} (SPEC section 3), from a
 * counter file per node that restarts at 1 each year. Locked, so two reviewers never get the same id.
 */
public final class IssuedIds {

    private final String code;
    private final Path file;

    public IssuedIds(String code, Path file) {
        this.code = code;
        this.file = file;
    }

    public String next(Instant at) throws IOException {
        int year = at.atZone(ZoneOffset.UTC).getYear();
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 64));
            channel.read(buffer, 0);
            String[] last = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim().split(" ");
            long number = last.length == 2 && last[0].equals(Integer.toString(year)) ? Long.parseLong(last[1]) + 1 : 1;
            if (number > 999_999) {
                throw new IOException(file + ": the " + year + " ids of " + code + " are used up");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((year + " " + number + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(true);
            return String.format("%s-%d-%06d", code, year, number);
        } catch (NumberFormatException e) {
            throw new IOException(file + ": not an id counter (" + e.getMessage() + ")", e);
        }
    }
}
