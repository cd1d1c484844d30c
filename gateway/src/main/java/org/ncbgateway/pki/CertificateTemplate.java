package org.ncbgateway.pki;

import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * What the root puts into one node certificate. {@link #forPurpose} gives the federation's profile;
 * the fields stay open so that tests can build the certificates a node must refuse.
 *
 * @param commonName subject CN, equal to {@code nodeCode} in every certificate the federation issues
 * @param nodeCode bound as the subject alternative name {@code urn:ncb:node:<CODE>}
 * @param hosts DNS names or IP addresses added as subject alternative names (TLS certificates)
 */
public record CertificateTemplate(String commonName, String nodeCode, KeyPurpose purpose, PublicKey publicKey,
                                  int keyUsageBits, List<KeyPurposeId> extendedKeyUsages,
                                  Instant notBefore, Instant notAfter, List<String> hosts) {

    public static final String ORGANISATION = "ncb-gateway federation";

    public CertificateTemplate {
        Objects.requireNonNull(commonName, "commonName");
        Objects.requireNonNull(nodeCode, "nodeCode");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        extendedKeyUsages = List.copyOf(extendedKeyUsages);
        hosts = List.copyOf(hosts);
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter must be after notBefore");
        }
    }

    public static CertificateTemplate forPurpose(String code, KeyPurpose purpose, PublicKey publicKey,
                                                 Validity validity, List<String> hosts) {
        return new CertificateTemplate(code, code, purpose, publicKey,
                KeyUsagePolicy.keyUsageBits(purpose, KeyAlgorithm.of(publicKey)),
                KeyUsagePolicy.extendedKeyUsages(purpose), validity.notBefore(), validity.notAfter(),
                purpose == KeyPurpose.TLS ? hosts : List.of());
    }

    public CertificateTemplate withCommonName(String cn) {
        return new CertificateTemplate(cn, nodeCode, purpose, publicKey, keyUsageBits, extendedKeyUsages,
                notBefore, notAfter, hosts);
    }

    public CertificateTemplate withKeyUsage(int bits, List<KeyPurposeId> eku) {
        return new CertificateTemplate(commonName, nodeCode, purpose, publicKey, bits, eku, notBefore, notAfter, hosts);
    }

    public CertificateTemplate withValidity(Validity validity) {
        return new CertificateTemplate(commonName, nodeCode, purpose, publicKey, keyUsageBits, extendedKeyUsages,
                validity.notBefore(), validity.notAfter(), hosts);
    }
}
