package org.ncbgateway.gateway;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Whole-file writes that a crash leaves either absent or complete, never half written. */
final class SafeFiles {

    private SafeFiles() {
    }

    /**
     * Writes to a temporary sibling, forces it, then renames it into place (replacing an earlier copy).
     * The folder is created only when it is missing: asking for it on every write costs an exception
     * inside {@link Files#createDirectories} each time it exists.
     */
    static void writeAtomically(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temporary = dir.resolve("." + target.getFileName() + ".tmp");
        try {
            writeForced(temporary, content);
        } catch (NoSuchFileException missingFolder) {
            Files.createDirectories(dir);
            writeForced(temporary, content);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** One open for the write and the force. */
    private static void writeForced(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }
}
