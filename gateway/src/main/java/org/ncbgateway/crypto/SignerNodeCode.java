package org.ncbgateway.crypto;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The node code bound into a federation certificate as the SAN URI {@code urn:ncb:node:<CODE>}. */
final class SignerNodeCode {

    private static final int URI = 6;
    private static final String PREFIX = "urn:ncb:node:";

    private SignerNodeCode() {
    }

    static Optional<String> of(X509Certificate cert) {
        Collection<List<?>> names;
        try {
            names = cert.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return Optional.empty();
        }
        if (names == null) {
            return Optional.empty();
        }
        return names.stream()
                .filter(n -> ((Integer) n.get(0)) == URI && n.get(1) instanceof String s && s.startsWith(PREFIX))
                .map(n -> ((String) n.get(1)).substring(PREFIX.length()))
                .findFirst();
    }
}
