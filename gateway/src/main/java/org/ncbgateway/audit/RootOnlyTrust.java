package org.ncbgateway.audit;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ncbgateway.message.ReasonCode;
import org.ncbgateway.message.RejectedException;
import org.ncbgateway.pki.CertificateTrust;
import org.ncbgateway.pki.KeyPurpose;
import org.ncbgateway.pki.KeyUsagePolicy;

/**
 * Trust in a signing certificate from the federation root alone, for an auditor who has no directory:
 * issued by the root, valid at the time, a signing key. Revocation needs the directories in force.
 */
public final class RootOnlyTrust implements CertificateTrust {

    private final X509Certificate root;
    /** Certificates whose root signature already verified: a log repeats the same few signers. */
    private final Set<X509Certificate> signedByRoot = ConcurrentHashMap.newKeySet();

    public X509Certificate root() {
        return root;
    }

    public RootOnlyTrust(X509Certificate root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    @Override
    public void check(X509Certificate certificate, KeyPurpose purpose, Instant at) throws RejectedException {
        String subject = certificate.getSubjectX500Principal().getName();
        if (!signedByRoot.contains(certificate)) {
            try {
                certificate.verify(root.getPublicKey(), AuditCrypto.BC);
            } catch (GeneralSecurityException e) {
                throw new RejectedException(ReasonCode.CERT_UNTRUSTED, "certificate '" + subject
                        + "' is not signed by the federation root");
            }
            signedByRoot.add(certificate);
        }
        if (at.isBefore(certificate.getNotBefore().toInstant()) || at.isAfter(certificate.getNotAfter().toInstant())) {
            throw new RejectedException(ReasonCode.CERT_EXPIRED, "certificate '" + subject + "' not valid at " + at
                    + " (valid " + certificate.getNotBefore().toInstant() + " to "
                    + certificate.getNotAfter().toInstant() + ")");
        }
        KeyUsagePolicy.check(certificate, purpose);
    }
}
