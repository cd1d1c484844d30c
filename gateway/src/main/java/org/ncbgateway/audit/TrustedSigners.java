package org.ncbgateway.audit;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.ncbgateway.message.ReasonCode;
import org.ncbgateway.message.RejectedException;
import org.ncbgateway.pki.CertificateTrust;
import org.ncbgateway.pki.KeyPurpose;

/**
 * A {@link SignerCheck} under the trust in force at each moment (the directory of that time, with its CRL),
 * naming the node from the certificate's subject alternative name {@code urn:ncb:node:<CODE>}.
 */
public final class TrustedSigners implements SignerCheck {

    private static final String NODE_URI = "urn:ncb:node:";
    private static final int SAN_URI = 6;
    private final Function<Instant, CertificateTrust> trustAt;

    public TrustedSigners(Function<Instant, CertificateTrust> trustAt) {
        this.trustAt = Objects.requireNonNull(trustAt, "trustAt");
    }

    public static TrustedSigners under(CertificateTrust trust) {
        return new TrustedSigners(at -> trust);
    }

    @Override
    public String trustedNode(X509Certificate certificate, Instant at) throws RejectedException {
        trustAt.apply(at).check(certificate, KeyPurpose.SIGNING, at);
        return nodeCode(certificate);
    }

    static String nodeCode(X509Certificate certificate) throws RejectedException {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            names = null;
        }
        if (names != null) {
            for (List<?> name : names) {
                if ((Integer) name.get(0) == SAN_URI && name.get(1) instanceof String uri && uri.startsWith(NODE_URI)) {
                    return uri.substring(NODE_URI.length());
                }
            }
        }
        throw new RejectedException(ReasonCode.CERT_UNTRUSTED, "certificate '"
                + certificate.getSubjectX500Principal().getName() + "' names no node (" + NODE_URI + "<CODE>)");
    }
}
