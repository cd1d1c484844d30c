package org.ncbgateway.audit;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import org.ncbgateway.message.RejectedException;
import org.ncbgateway.pki.CertificateTrust;
import org.ncbgateway.pki.KeyPurpose;
import org.ncbgateway.pki.NodeCodes;

/**
 * A {@link SignerCheck} under a trust that may depend on the moment (the directory in force then, with its
 * CRL), naming the node the certificate is bound to.
 */
public final class TrustedSigners implements SignerCheck {

    private final CertificateTrust trust;

    public TrustedSigners(CertificateTrust trust) {
        this.trust = Objects.requireNonNull(trust, "trust");
    }

    public static TrustedSigners under(CertificateTrust trust) {
        return new TrustedSigners(trust);
    }

    public CertificateTrust trust() {
        return trust;
    }

    @Override
    public String trustedNode(X509Certificate certificate, Instant at) throws RejectedException {
        trust.check(certificate, KeyPurpose.SIGNING, at);
        return NodeCodes.of(certificate);
    }
}
