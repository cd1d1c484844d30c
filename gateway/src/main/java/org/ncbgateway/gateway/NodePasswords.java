package org.ncbgateway.gateway;

import java.nio.file.Files;
import java.util.function.Supplier;
import org.ncbgateway.pki.FederationLayout;
import org.ncbgateway.pki.PasswordSource;
import org.ncbgateway.pki.PkiException;

/**
 * Where a node's passwords come from: its keystores' from {@code password.file} (or, without one,
 * the environment variable {@link PasswordSource#NODE_PASSWORD_ENV}), the federation truststore's
 * from the federation folder. Read when needed, never kept.
 */
final class NodePasswords {

    private NodePasswords() {
    }

    static PasswordSource keystores(NodeConfig config) {
        return Files.isRegularFile(config.passwordFile()) ? PasswordSource.file(config.passwordFile())
                : PasswordSource.forNode(config.keystoreDir());
    }

    static PasswordSource truststore(NodeConfig config) {
        return PasswordSource.file(new FederationLayout(config.federationDir()).trustStorePassword());
    }

    /** For APIs that take a supplier: a password that cannot be read fails the caller with the reason. */
    static Supplier<char[]> supplier(PasswordSource source) {
        return () -> {
            try {
                return source.password();
            } catch (PkiException e) {
                throw new NodeConfigException(e.getMessage(), e);
            }
        };
    }
}
