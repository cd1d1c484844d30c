package org.ncbgateway.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folder a bench run writes its federation, node data and logs to. Made in {@code --data DIR} and kept;
 * without it, a temporary folder deleted after a run that succeeded (one that failed keeps it, for its logs).
 */
final class RunFolder {

    private final Path path;
    private final boolean kept;

    private RunFolder(Path path, boolean kept) {
        this.path = path;
        this.kept = kept;
    }

    /** A new folder named {@code prefix...}, in {@code keepIn} and kept, or temporary. */
    static RunFolder create(Optional<Path> keepIn, String prefix) throws IOException {
        return keepIn.isPresent()
                ? new RunFolder(Files.createTempDirectory(Files.createDirectories(keepIn.get()), prefix), true)
                : new RunFolder(Files.createTempDirectory(prefix), false);
    }

    /** {@code dir} itself, made if need be, and kept. */
    static RunFolder keep(Path dir) throws IOException {
        return new RunFolder(Files.createDirectories(dir), true);
    }

    Path path() {
        return path;
    }

    /** The folder as a report names it: whether it is still there after the run. */
    String describe() {
        return path + (kept ? "" : " (deleted at the end; --data DIR keeps it)");
    }

    /** The run succeeded: a temporary folder is deleted. */
    void succeeded() throws IOException {
        if (kept) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }
}
