package org.ncbgateway.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** Short, log-safe descriptions of certificates. */
public final class Certificates {

    private Certificates() {
    }

    /** Subject and serial number, enough for an operator to find the certificate. */
    public static String describe(X509Certificate certificate) {
        return "'" + certificate.getSubjectX500Principal().getName() + "' serial "
                + certificate.getSerialNumber().toString(16);
    }

    /** SHA-256 of the DER encoding, lower-case hex. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.of().formatHex(digest);
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }
}
