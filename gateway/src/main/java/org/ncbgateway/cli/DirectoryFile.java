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

/** A directory named on the command line: a signed {@code .p7s}, verified against the root first, or a {@code .json}. */
record DirectoryFile(Directory directory, boolean signed) {

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
