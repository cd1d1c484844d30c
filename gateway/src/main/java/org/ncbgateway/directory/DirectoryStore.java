package org.ncbgateway.directory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.ncbgateway.pki.AtomicFiles;
import org.ncbgateway.pki.PkiException;

/**
 * The directory in force at a node, kept in its data folder as {@code directory/current.p7s}; every
 * applied version is also kept as {@code directory/history/v<N>.p7s} for auditors. A newer signed
 * directory replaces the current one atomically: a crash leaves either the old or the new.
 */
public final class DirectoryStore {

    private final Path folder;
    private final DirectoryVerifier verifier;
    private Directory current;

    public DirectoryStore(Path dataDir, DirectoryVerifier verifier) {
        this.folder = dataDir.resolve("directory");
        this.verifier = verifier;
    }

    public Path currentFile() {
        return folder.resolve("current.p7s");
    }

    /** The directory in force, verified against the root (also after a restart), or empty before the first one. */
    public synchronized Optional<Directory> current() throws DirectoryException, IOException {
        if (current == null && Files.isRegularFile(currentFile())) {
            current = verifier.verifySignature(Files.readAllBytes(currentFile()));
        }
        return Optional.ofNullable(current);
    }

    /** Verifies {@code signed} as newer than the directory in force and not expired, then makes it current. */
    public synchronized Directory apply(byte[] signed, Instant now) throws DirectoryException, IOException {
        OptionalLong version = current().map(d -> OptionalLong.of(d.version())).orElse(OptionalLong.empty());
        Directory next = verifier.verify(signed, version, now);
        try {
            AtomicFiles.write(folder.resolve("history").resolve("v" + next.version() + ".p7s"), signed, false);
            AtomicFiles.write(currentFile(), signed, false);
        } catch (PkiException e) {
            throw new IOException(e.getMessage(), e);
        }
        current = next;
        return next;
    }
}
