package org.ncbgateway.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/**
 * The CRL a node's TLS links are checked against, replaced in service when a new directory is put in
 * force: each handshake reads the one in force then, so a certificate revoked by a directory update
 * opens no new link. The gateway gives it the CRL of its directory (verified against the root there);
 * before that, the one of {@link TlsMaterial#crl()}.
 */
public final class TlsRevocation {

    private record InForce(X509CRL crl, String source) {
    }

    private volatile InForce inForce;

    private TlsRevocation(InForce inForce) {
        this.inForce = inForce;
    }

    /** The CRL of the node's TLS material, or none (the chain to the root is then all that is checked). */
    static TlsRevocation of(TlsMaterial tls) throws TransportException {
        if (tls.crl() == null) {
            return new TlsRevocation(null);
        }
        return new TlsRevocation(new InForce(read(tls.crl()), "file " + tls.crl().getFileName()));
    }

    /** Puts {@code crl} in force for every handshake from now on; {@code source} names it in refusals. */
    void update(X509CRL crl, String source) {
        inForce = new InForce(Objects.requireNonNull(crl, "crl"), Objects.requireNonNull(source, "source"));
    }

    /** Why {@code certificate} is revoked, or empty when the CRL in force does not list it. */
    Optional<String> revoked(X509Certificate certificate) {
        InForce current = inForce;
        if (current == null) {
            return Optional.empty();
        }
        X509CRLEntry entry = current.crl().getRevokedCertificate(certificate);
        if (entry == null) {
            return Optional.empty();
        }
        return Optional.of("certificate serial " + certificate.getSerialNumber().toString(16) + " of "
                + certificate.getSubjectX500Principal().getName() + " is revoked since "
                + entry.getRevocationDate().toInstant() + " (CRL of " + current.source() + ")");
    }

    /** The first certificate of {@code chain} that is revoked, with the reason. */
    Optional<String> revoked(X509Certificate[] chain) {
        for (X509Certificate certificate : chain) {
            Optional<String> reason = revoked(certificate);
            if (reason.isPresent()) {
                return reason;
            }
        }
        return Optional.empty();
    }

    private static X509CRL read(Path file) throws TransportException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new TransportException("CRL " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
