package org.ncbgateway.pki;

import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.message.ReasonCode;
import org.ncbgateway.message.RejectedException;

/**
 * Trust in node certificates under the federation root and its CRL. Node certificates are issued
 * directly by the root, so a path is one signature; each rule is its own check, in SPEC section 4's
 * order: path to the root, validity, revocation, key usage, node code.
 */
public final class FederationTrust implements CertificateTrust {

    private final X509Certificate root;
    private final X509CRL crl;
    /**
     * Node codes of certificates whose root signature already verified: a federation has a few
     * hundred, and only the root can add one, so the map stays small.
     */
    private final Map<X509Certificate, String> signedByRoot = new ConcurrentHashMap<>();

    public FederationTrust(X509Certificate root, X509CRL crl) {
        this.root = Objects.requireNonNull(root, "root");
        this.crl = Objects.requireNonNull(crl, "crl");
        requireRootCa(root);
        requireCrlOfRoot(root, crl);
    }

    /** Trust under the root and the CRL that a verified directory carries. */
    public static FederationTrust of(X509Certificate root, Directory directory) throws PkiException {
        return new FederationTrust(root, Pem.crl(directory.crl(), "directory version " + directory.version() + " crl"));
    }

    public X509Certificate root() {
        return root;
    }

    public X509CRL crl() {
        return crl;
    }

    @Override
    public void check(X509Certificate certificate, KeyPurpose purpose, Instant at) throws RejectedException {
        checkPathToRoot(certificate);
        checkValidity(certificate, at);
        checkNotRevoked(certificate, at);
        KeyUsagePolicy.check(certificate, purpose);
        nodeCode(certificate);
    }

    /** The node code of a certificate (SAN URI, with the CN agreeing); CERT_UNTRUSTED otherwise. */
    public String nodeCode(X509Certificate certificate) throws RejectedException {
        String code = signedByRoot.get(certificate);
        return code != null ? code : NodeCodes.of(certificate);
    }

    private void checkPathToRoot(X509Certificate certificate) throws RejectedException {
        if (signedByRoot.containsKey(certificate)) {
            return;
        }
        if (!certificate.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
            throw new RejectedException(ReasonCode.CERT_UNTRUSTED, "certificate " + Certificates.describe(certificate)
                    + " is issued by '" + certificate.getIssuerX500Principal().getName()
                    + "', not by the federation root '" + root.getSubjectX500Principal().getName() + "'");
        }
        try {
            certificate.verify(root.getPublicKey(), BouncyCastle.provider());
        } catch (GeneralSecurityException e) {
            throw new RejectedException(ReasonCode.CERT_UNTRUSTED, "certificate " + Certificates.describe(certificate)
                    + " does not carry a valid signature of the federation root", e);
        }
        if (certificate.getBasicConstraints() != -1) {
            throw new RejectedException(ReasonCode.CERT_UNTRUSTED, "certificate " + Certificates.describe(certificate)
                    + " is a CA certificate, not a node certificate");
        }
        try {
            signedByRoot.put(certificate, NodeCodes.of(certificate));
        } catch (RejectedException unbound) {
            // not cached: the node code check reports it, after validity, revocation and key usage
        }
    }

    private void checkValidity(X509Certificate certificate, Instant at) throws RejectedException {
        checkWithin(root, at, "federation root");
        checkWithin(certificate, at, "certificate");
    }

    private static void checkWithin(X509Certificate certificate, Instant at, String what) throws RejectedException {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (at.isBefore(notBefore)) {
            throw new RejectedException(ReasonCode.CERT_EXPIRED, what + " " + Certificates.describe(certificate)
                    + " is not valid before " + notBefore + " (checked at " + at + ")");
        }
        if (at.isAfter(notAfter)) {
            throw new RejectedException(ReasonCode.CERT_EXPIRED, what + " " + Certificates.describe(certificate)
                    + " expired at " + notAfter + " (checked at " + at + ")");
        }
    }

    /** A certificate counts as revoked from its revocation date on, so that an audit of older messages still passes. */
    private void checkNotRevoked(X509Certificate certificate, Instant at) throws RejectedException {
        X509CRLEntry entry = crl.getRevokedCertificate(certificate);
        if (entry != null && !entry.getRevocationDate().after(Date.from(at))) {
            throw new RejectedException(ReasonCode.CERT_REVOKED, "certificate " + Certificates.describe(certificate)
                    + " was revoked at " + entry.getRevocationDate().toInstant()
                    + (entry.getRevocationReason() == null ? "" : " (" + entry.getRevocationReason() + ")"));
        }
    }

    private static void requireRootCa(X509Certificate root) {
        boolean[] usage = root.getKeyUsage();
        if (root.getBasicConstraints() < 0 || usage == null || !usage[5] || !usage[6]) {
            throw new IllegalArgumentException("root " + Certificates.describe(root)
                    + " is not a CA certificate with keyCertSign and cRLSign");
        }
    }

    private static void requireCrlOfRoot(X509Certificate root, X509CRL crl) {
        try {
            crl.verify(root.getPublicKey(), BouncyCastle.provider());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the CRL issued by '" + crl.getIssuerX500Principal().getName()
                    + "' is not signed by the federation root", e);
        }
    }
}
