package org.ncbgateway.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryCodec;
import org.ncbgateway.directory.DirectoryException;
import org.ncbgateway.directory.DirectoryVerifier;
import org.ncbgateway.pki.Pem;
import org.ncbgateway.pki.PkiException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A directory named on the command line: a signed {@code .p7s}, verified against the root first, or a {@code .json}. */
record DirectoryFile(Directory directory, boolean signed) {

    /** The options of a verb that reads one directory: {@code FILE [--root ROOT.pem]}. */
    static final class Options {

        @Parameters(paramLabel = "FILE", description = "directory.p7s (signed, verified against --root) or directory.json.")
        Path file;

        @Option(names = "--root", description = "The federation root certificate (PEM); required for a signed directory.")
        Path root;

        DirectoryFile read() throws PkiException, DirectoryException, IOException {
            return DirectoryFile.read(file, root);
        }
    }

    static DirectoryFile read(Path file, Path root) throws PkiException, DirectoryException, IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (file.getFileName().toString().endsWith(".json")) {
            return new DirectoryFile(DirectoryCodec.decode(bytes, file.toString()), false);
        }
        if (root == null) {
            throw new PkiException(file + ": a signed directory is read only after verification: give --root");
        }
        return new DirectoryFile(new DirectoryVerifier(Pem.certificate(root)).verifySignature(bytes), true);
    }
}
