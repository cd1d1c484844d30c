package org.ncbgateway.gateway;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.ncbgateway.crypto.ReplayGuard;

/**
 * The message ids this node has accepted, kept in an append-only file of one id per line, each
 * forced to disk before {@link #markAccepted} returns (concurrent consumers share the forces). A crash
 * can leave at most a torn last line, which opening discards: that message was not acknowledged, so its
 * redelivery is accepted again.
 */
public final class AcceptedIds implements ReplayGuard, Closeable {

    private static final int LINE_BYTES = 37;

    private final Set<UUID> accepted = new HashSet<>();
    private final FileChannel channel;
    private final GroupCommitFile file;

    private AcceptedIds(Path path, FileChannel channel) {
        this.channel = channel;
        this.file = new GroupCommitFile(path, channel);
    }

    public static AcceptedIds open(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        AcceptedIds ids = new AcceptedIds(file, channel);
        try {
            ids.load(file);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return ids;
    }

    private void load(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        int complete = content.length - content.length % LINE_BYTES;
        String text = new String(content, 0, complete, StandardCharsets.US_ASCII);
        for (int start = 0; start + LINE_BYTES <= text.length(); start += LINE_BYTES) {
            String line = text.substring(start, start + LINE_BYTES - 1);
            try {
                accepted.add(UUID.fromString(line));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": line " + (start / LINE_BYTES + 1) + " is not a message id", e);
            }
        }
        channel.truncate(complete);
        channel.position(complete);
    }

    @Override
    public synchronized boolean acceptedBefore(UUID messageId) {
        return accepted.contains(messageId);
    }

    /**
     * Records the id durably; returns false when it was already recorded (nothing is written then, but
     * the call still returns only once that earlier line is on disk).
     */
    public boolean markAccepted(UUID messageId) {
        try {
            long ticket;
            boolean fresh;
            synchronized (this) {
                fresh = !accepted.contains(messageId);
                ticket = fresh ? file.write((messageId + "\n").getBytes(StandardCharsets.US_ASCII)) : file.lastTicket();
                accepted.add(messageId);
            }
            file.force(ticket);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record accepted message " + messageId, e);
        }
    }

    public synchronized int size() {
        return accepted.size();
    }

    @Override
    public synchronized void close() throws IOException {
        file.close();
    }
}
