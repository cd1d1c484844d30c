package org.ncbgateway.pki;

import java.security.cert.X509Certificate;
import java.time.Instant;
import org.ncbgateway.message.RejectedException;

/** Decides whether a node certificate may be used for a purpose at a moment, under the federation root and CRL. */
@FunctionalInterface
public interface CertificateTrust {

    /**
     * @throws RejectedException with {@code CERT_UNTRUSTED} (no path to the root, wrong key usage),
     *         {@code CERT_EXPIRED} (outside validity at {@code at}) or {@code CERT_REVOKED} (on the CRL)
     */
    void check(X509Certificate certificate, KeyPurpose purpose, Instant at) throws RejectedException;
}
