package org.ncbgateway.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.function.Supplier;

/**
 * Opens the TLS stores before the broker does, so that a wrong path or password is reported with the
 * file named instead of as a failed handshake much later.
 */
final class StoreCheck {

    private StoreCheck() {
    }

    static void requireOpenable(TlsMaterial tls) throws TransportException {
        KeyStore keyStore = open("keystore", tls.keyStore(), tls.keyStorePassword());
        KeyStore trustStore = open("truststore", tls.trustStore(), tls.trustStorePassword());
        try {
            if (!hasEntry(keyStore, true)) {
                throw new TransportException("keystore " + tls.keyStore() + " holds no private key with its certificate");
            }
            if (!hasEntry(trustStore, false)) {
                throw new TransportException("truststore " + tls.trustStore() + " holds no trusted certificate");
            }
        } catch (GeneralSecurityException e) {
            throw new TransportException("store cannot be listed: " + e.getMessage(), e);
        }
        if (tls.crl() != null && !Files.isReadable(tls.crl())) {
            throw new TransportException("CRL " + tls.crl() + " is not a readable file");
        }
    }

    private static KeyStore open(String what, Path path, Supplier<char[]> password) throws TransportException {
        if (!Files.isReadable(path)) {
            throw new TransportException(what + " " + path + " is not a readable file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.get());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new TransportException(what + " " + path + " cannot be opened as PKCS#12 with the given password: "
                    + e.getMessage(), e);
        }
    }

    private static boolean hasEntry(KeyStore store, boolean privateKey) throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (privateKey ? store.isKeyEntry(alias) : store.isCertificateEntry(alias)) {
                return true;
            }
        }
        return false;
    }
}
