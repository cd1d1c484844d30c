package org.ncbgateway.cli.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.ncbgateway.audit.Segments;

/** Checks of the auditor's inputs, each failing with the file and the reason. */
final class LogFolders {

    private LogFolders() {
    }

    /** @throws IllegalArgumentException naming the folder when it holds no log segment */
    static void requireLog(Path dir) {
        try {
            if (Segments.list(dir).isEmpty()) {
                throw new IllegalArgumentException(dir + ": no log segment (NNNNNNNNNNNNNNNNNNNN.seg) in this folder");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(dir + ": not a log folder (" + e.getMessage() + ")");
        }
    }

    static X509Certificate certificate(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(pem + ": cannot be read (" + e.getMessage() + ")");
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException(pem + ": not a PEM or DER X.509 certificate (" + e.getMessage() + ")");
        }
    }
}
