package org.ncbgateway.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.OptionalLong;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryException;
import org.ncbgateway.directory.DirectoryVerifier;
import org.ncbgateway.pki.FederationLayout;
import org.ncbgateway.pki.FederationTrust;
import org.ncbgateway.pki.NodeCredentials;
import org.ncbgateway.pki.NodeKeyStore;
import org.ncbgateway.pki.PasswordSource;
import org.ncbgateway.pki.Pem;
import org.ncbgateway.pki.PkiException;
import picocli.CommandLine.Option;

/**
 * The {@code --federation} option of the verbs that act as a node of a federation folder (as written by
 * {@code ncb pki init}): its root, its signed directory (verified against the root), a node's keys.
 */
public final class FederationFolder {

    @Option(names = "--federation", defaultValue = "certs-example", paramLabel = "DIR",
            description = "Federation folder: root.pem, directory.p7s, nodes/<CODE>/ (default: ${DEFAULT-VALUE}).")
    Path dir;

    FederationLayout layout() {
        return new FederationLayout(dir);
    }

    X509Certificate root() throws PkiException {
        return Pem.certificate(layout().rootCertificate());
    }

    /** The signed directory, refused unless signed by the root and still valid at {@code now}. */
    Directory directory(Instant now) throws PkiException, DirectoryException, IOException {
        byte[] signed = Files.readAllBytes(layout().directorySigned());
        return new DirectoryVerifier(root()).verify(signed, OptionalLong.empty(), now);
    }

    FederationTrust trust(Directory directory) throws PkiException {
        return FederationTrust.of(root(), directory);
    }

    /** A node's signing and encryption keys; the password from its folder's file or the environment. */
    NodeCredentials credentials(String code) throws PkiException {
        Path nodeDir = layout().node(code);
        if (!Files.isDirectory(nodeDir)) {
            throw new PkiException(nodeDir + ": no such node folder (--as " + code + ")");
        }
        return NodeKeyStore.load(nodeDir, PasswordSource.forNode(nodeDir));
    }
}
