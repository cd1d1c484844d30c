package org.ncbgateway.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** Reads and writes PEM certificates and CRLs; every error names where the bad text came from. */
public final class Pem {

    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, new byte[] {'\n'});

    private Pem() {
    }

    public static X509Certificate certificate(String pem, String source) throws PkiException {
        try {
            return (X509Certificate) factory().generateCertificate(stream(pem));
        } catch (CertificateException | RuntimeException e) {
            throw new PkiException(source + ": not a PEM X.509 certificate (" + e.getMessage() + ")", e);
        }
    }

    public static X509Certificate certificate(Path file) throws PkiException {
        return certificate(read(file), file.toString());
    }

    public static X509CRL crl(String pem, String source) throws PkiException {
        try {
            return (X509CRL) factory().generateCRL(stream(pem));
        } catch (CRLException | CertificateException | RuntimeException e) {
            throw new PkiException(source + ": not a PEM X.509 CRL (" + e.getMessage() + ")", e);
        }
    }

    public static X509CRL crl(Path file) throws PkiException {
        return crl(read(file), file.toString());
    }

    public static String encode(X509Certificate certificate) {
        try {
            return armour("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot encode a certificate", e);
        }
    }

    public static String encode(X509CRL crl) {
        try {
            return armour("X509 CRL", crl.getEncoded());
        } catch (CRLException e) {
            throw new IllegalStateException("cannot encode a CRL", e);
        }
    }

    private static String armour(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + BASE64.encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    private static String read(Path file) throws PkiException {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new PkiException(file + ": no such file", e);
        } catch (IOException e) {
            throw new PkiException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static ByteArrayInputStream stream(String pem) {
        if (pem == null || !pem.contains("-----BEGIN ")) {
            throw new IllegalArgumentException("no PEM armour");
        }
        return new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII));
    }

    private static CertificateFactory factory() throws CertificateException {
        return CertificateFactory.getInstance("X.509");
    }
}
