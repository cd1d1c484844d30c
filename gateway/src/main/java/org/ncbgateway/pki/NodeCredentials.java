package org.ncbgateway.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** The private keys a node signs and decrypts with, and their certificates. Never logged. */
public record NodeCredentials(String code,
                              PrivateKey signingKey, X509Certificate signingCert,
                              PrivateKey encryptionKey, X509Certificate encryptionCert) {

    public NodeCredentials {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(signingCert, "signingCert");
        Objects.requireNonNull(encryptionKey, "encryptionKey");
        Objects.requireNonNull(encryptionCert, "encryptionCert");
    }

    @Override
    public String toString() {
        return "NodeCredentials[" + code + "]";
    }
}
