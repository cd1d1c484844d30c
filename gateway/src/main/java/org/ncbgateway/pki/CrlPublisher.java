package org.ncbgateway.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/** Revokes certificates: the next CRL keeps every earlier entry, adds the new ones and bumps the CRL number. */
public final class CrlPublisher {

    private CrlPublisher() {
    }

    /**
     * Adds {@code certificates} to the federation's CRL with {@code reason} (a {@link org.bouncycastle.asn1.x509.CRLReason}
     * value) and writes the new {@code crl.pem}.
     */
    public static X509CRL revoke(FederationAuthority authority, List<X509Certificate> certificates, int reason,
                                 Instant now) throws PkiException {
        FederationLayout layout = authority.layout();
        X509Certificate rootCertificate = authority.root().certificate();
        X509CRL current = Pem.crl(layout.crl());
        requireSignedByRoot(current, rootCertificate, layout);
        List<RootAuthority.Revocation> entries = new ArrayList<>();
        Set<? extends X509CRLEntry> existing = current.getRevokedCertificates();
        if (existing != null) {
            for (X509CRLEntry entry : existing) {
                int code = entry.getRevocationReason() == null ? 0 : entry.getRevocationReason().ordinal();
                entries.add(new RootAuthority.Revocation(entry.getSerialNumber(),
                        entry.getRevocationDate().toInstant(), code));
            }
        }
        for (X509Certificate certificate : certificates) {
            requireIssuedByRoot(certificate, rootCertificate);
            if (current.getRevokedCertificate(certificate) != null) {
                throw new PkiException("certificate " + Certificates.describe(certificate) + " is already revoked");
            }
            entries.add(new RootAuthority.Revocation(certificate.getSerialNumber(), now, reason));
        }
        return authority.publishCrl(entries, crlNumber(current).add(BigInteger.ONE), now);
    }

    static BigInteger crlNumber(X509CRL crl) throws PkiException {
        byte[] value = crl.getExtensionValue(Extension.cRLNumber.getId());
        if (value == null) {
            return BigInteger.ZERO;
        }
        try {
            return ASN1Integer.getInstance(JcaX509ExtensionUtils.parseExtensionValue(value)).getValue();
        } catch (IOException | IllegalArgumentException e) {
            throw new PkiException("the current CRL's number is unreadable", e);
        }
    }

    private static void requireSignedByRoot(X509CRL crl, X509Certificate root, FederationLayout layout)
            throws PkiException {
        try {
            crl.verify(root.getPublicKey(), BouncyCastle.provider());
        } catch (GeneralSecurityException e) {
            throw new PkiException(layout.crl() + ": not signed by this federation's root", e);
        }
    }

    private static void requireIssuedByRoot(X509Certificate certificate, X509Certificate root) throws PkiException {
        try {
            certificate.verify(root.getPublicKey(), BouncyCastle.provider());
        } catch (GeneralSecurityException e) {
            throw new PkiException("certificate " + Certificates.describe(certificate)
                    + " was not issued by this federation's root", e);
        }
    }
}
