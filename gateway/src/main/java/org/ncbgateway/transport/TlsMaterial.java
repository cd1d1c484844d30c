package org.ncbgateway.transport;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The stores a node's broker links authenticate with: its own TLS key and certificate (PKCS#12) and
 * the federation root it trusts (PKCS#12 truststore), optionally the directory's CRL (PEM).
 * Passwords are asked for when needed, never kept in a URI, never printed.
 */
public record TlsMaterial(Path keyStore, Supplier<char[]> keyStorePassword,
                          Path trustStore, Supplier<char[]> trustStorePassword,
                          Path crl) {

    public TlsMaterial {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(keyStorePassword, "keyStorePassword");
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(trustStorePassword, "trustStorePassword");
    }

    /** Without a CRL: the handshake then checks the chain to the root only. */
    public TlsMaterial(Path keyStore, Supplier<char[]> keyStorePassword,
                       Path trustStore, Supplier<char[]> trustStorePassword) {
        this(keyStore, keyStorePassword, trustStore, trustStorePassword, null);
    }

    @Override
    public String toString() {
        return "TlsMaterial[keyStore=" + keyStore + ", trustStore=" + trustStore + ", crl=" + crl + "]";
    }
}
