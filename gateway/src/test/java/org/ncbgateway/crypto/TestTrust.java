package org.ncbgateway.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.ncbgateway.message.ReasonCode;
import org.ncbgateway.message.RejectedException;
import org.ncbgateway.pki.CertificateTrust;
import org.ncbgateway.pki.KeyPurpose;

/** A flat federation's trust for crypto tests: issued by the root, in validity, not revoked, digitalSignature for signing. */
record TestTrust(X509Certificate root, Set<BigInteger> revoked) implements CertificateTrust {

    @Override
    public void check(X509Certificate certificate, KeyPurpose purpose, Instant at) throws RejectedException {
        try {
            certificate.verify(root.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new RejectedException(ReasonCode.CERT_UNTRUSTED, "not issued by the federation root");
        }
        Date when = Date.from(at);
        if (when.before(certificate.getNotBefore()) || when.after(certificate.getNotAfter())) {
            throw new RejectedException(ReasonCode.CERT_EXPIRED, "outside validity at " + at);
        }
        if (revoked.contains(certificate.getSerialNumber())) {
            throw new RejectedException(ReasonCode.CERT_REVOKED, "serial " + certificate.getSerialNumber() + " revoked");
        }
        boolean[] usage = certificate.getKeyUsage();
        if (purpose == KeyPurpose.SIGNING && (usage == null || !usage[0])) {
            throw new RejectedException(ReasonCode.CERT_UNTRUSTED, "no digitalSignature key usage");
        }
    }
}
