package org.ncbgateway.pki;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** File writes of the PKI tools: complete or absent (temporary file, then atomic rename). */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    public static void writeString(Path file, String text) throws PkiException {
        write(file, text.getBytes(StandardCharsets.UTF_8), false);
    }

    /** A secret (password) file, readable by its owner only where the file system supports it. */
    public static void writeSecret(Path file, String text) throws PkiException {
        write(file, (text + "\n").getBytes(StandardCharsets.UTF_8), true);
    }

    public static void write(Path file, byte[] bytes, boolean ownerOnly) throws PkiException {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                if (ownerOnly && Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                }
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    channel.write(ByteBuffer.wrap(bytes));
                    channel.force(true); // on disk before it takes the real name
                }
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new PkiException(file + ": cannot write (" + e.getMessage() + ")", e);
        }
    }
}
