package org.ncbgateway.directory;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.ncbgateway.pki.BouncyCastle;
import org.ncbgateway.pki.RootAuthority;

/**
 * Signs a directory as the root authority: CMS SignedData (RFC 5652), DER, the JSON encapsulated,
 * one signer, the root certificate included so that {@code openssl cms -verify -CAfile root.pem} accepts it.
 */
public final class DirectorySigner {

    private DirectorySigner() {
    }

    public static byte[] sign(byte[] directoryJson, RootAuthority root) {
        return sign(directoryJson, root.privateKey(), root.certificate());
    }

    /** Signs with any key; a node refuses the result unless that key is the federation root's. */
    public static byte[] sign(byte[] directoryJson, PrivateKey key, X509Certificate certificate) {
        try {
            String algorithm = key.getAlgorithm().startsWith("EC") ? "SHA256withECDSA" : "SHA256withRSAandMGF1";
            ContentSigner signer = new JcaContentSignerBuilder(algorithm).setProvider(BouncyCastle.provider()).build(key);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.provider()).build())
                    .build(signer, certificate));
            generator.addCertificates(new JcaCertStore(List.of(certificate)));
            return generator.generate(new CMSProcessableByteArray(directoryJson), true).getEncoded();
        } catch (OperatorCreationException | GeneralSecurityException | CMSException | IOException e) {
            throw new IllegalStateException("cannot sign the directory", e);
        }
    }
}
