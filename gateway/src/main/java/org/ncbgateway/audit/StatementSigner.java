package org.ncbgateway.audit;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs seal and witness statements with a node's signing key: an encapsulated CMS SignedData, one
 * signer, its certificate included, ECDSA-SHA256 (or RSASSA-PSS-SHA256 for an RSA key).
 */
public final class StatementSigner {

    private final String node;
    private final PrivateKey key;
    private final JcaX509CertificateHolder certificate;

    public StatementSigner(String node, PrivateKey key, X509Certificate certificate) {
        this.node = Objects.requireNonNull(node, "node");
        this.key = Objects.requireNonNull(key, "key");
        try {
            this.certificate = new JcaX509CertificateHolder(certificate);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("signing certificate of " + node + " unreadable", e);
        }
    }

    public String node() {
        return node;
    }

    public byte[] sign(byte[] content) {
        try {
            String algorithm = "RSA".equals(key.getAlgorithm()) ? "SHA256withRSAandMGF1" : "SHA256withECDSA";
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(AuditCrypto.BC).build())
                    .build(new JcaContentSignerBuilder(algorithm).setProvider(AuditCrypto.BC).build(key), certificate));
            generator.addCertificate(certificate);
            return generator.generate(new CMSProcessableByteArray(content), true).getEncoded("DER");
        } catch (OperatorCreationException | CMSException | IOException e) {
            throw new IllegalStateException("signing a statement as " + node + " failed: " + e.getMessage(), e);
        }
    }
}
