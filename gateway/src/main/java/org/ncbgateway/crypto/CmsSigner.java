package org.ncbgateway.crypto;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Makes encapsulated CMS SignedData (content type id-data) with exactly one signer whose certificate
 * is included: ECDSA P-256 with SHA-256, or RSASSA-PSS with SHA-256 for an RSA key.
 */
final class CmsSigner {

    private final PrivateKey key;
    private final X509Certificate cert;
    private final JcaX509CertificateHolder certHolder;
    private final DigestCalculatorProvider digests;

    CmsSigner(PrivateKey key, X509Certificate cert) {
        this.key = CryptoProviders.forBouncyCastle(key);
        this.cert = cert;
        try {
            this.certHolder = new JcaX509CertificateHolder(cert);
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (CertificateEncodingException | OperatorCreationException e) {
            throw new IllegalArgumentException("signing certificate cannot be used: " + e.getMessage(), e);
        }
    }

    static String signatureAlgorithm(String keyAlgorithm) {
        return switch (keyAlgorithm) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSAandMGF1";
            default -> throw new IllegalArgumentException("unsupported signing key algorithm " + keyAlgorithm);
        };
    }

    X509Certificate certificate() {
        return cert;
    }

    byte[] sign(byte[] content) {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(signatureAlgorithm(key.getAlgorithm()))
                    .setProvider(CryptoProviders.BC).build(key);
            SignerInfoGenerator signerInfo = new JcaSignerInfoGeneratorBuilder(digests).build(signer, certHolder);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo);
            generator.addCertificate(certHolder);
            return generator.generate(new CMSProcessableByteArray(content), true).getEncoded("DER");
        } catch (OperatorCreationException | CMSException | IOException e) {
            throw new IllegalStateException("signing failed: " + e.getMessage(), e);
        }
    }
}
