package org.ncbgateway.crypto;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.util.Collection;
import java.util.List;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;

/**
 * Encrypts once for many recipients: an AuthEnvelopedData (RFC 5083) with AES-256-GCM, one
 * KeyAgreeRecipientInfo holding a single ephemeral P-256 originator key for every EC recipient
 * (ECDH with the SHA-256 KDF, AES-256 key wrap), and one RSAES-OAEP (SHA-256) KeyTransRecipientInfo
 * per RSA recipient. One ephemeral key for all EC recipients turns 196 key generations into one.
 */
final class AuthEnvelopeSealer {

    private static final AlgorithmIdentifier RSA_OAEP_SHA256 = oaepSha256();

    byte[] seal(byte[] content, Collection<X509Certificate> recipients) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a message needs at least one recipient");
        }
        try {
            CMSAuthEnvelopedDataGenerator generator = new CMSAuthEnvelopedDataGenerator();
            List<X509Certificate> ec = recipients.stream()
                    .filter(c -> "EC".equals(c.getPublicKey().getAlgorithm())).toList();
            if (!ec.isEmpty()) {
                generator.addRecipientInfoGenerator(keyAgreement(ec));
            }
            for (X509Certificate cert : recipients) {
                if (!ec.contains(cert)) {
                    generator.addRecipientInfoGenerator(keyTransport(cert));
                }
            }
            OutputAEADEncryptor encryptor = (OutputAEADEncryptor)
                    new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM)
                            .setProvider(CryptoProviders.aesGcm()).build();
            return generator.generate(new CMSProcessableByteArray(content), encryptor).getEncoded();
        } catch (CMSException | IOException | GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed: " + e.getMessage(), e);
        }
    }

    private static JceKeyAgreeRecipientInfoGenerator keyAgreement(List<X509Certificate> recipients)
            throws GeneralSecurityException {
        KeyPair ephemeral = ephemeralP256();
        JceKeyAgreeRecipientInfoGenerator generator = new JceKeyAgreeRecipientInfoGenerator(
                CMSAlgorithm.ECDH_SHA256KDF, ephemeral.getPrivate(), ephemeral.getPublic(),
                CMSAlgorithm.AES256_WRAP)
                .setProvider(CryptoProviders.BC)
                .setKeyWrappingProvider(CryptoProviders.aesGcm());
        for (X509Certificate cert : recipients) {
            generator.addRecipient(cert);
        }
        return generator;
    }

    private static JceKeyTransRecipientInfoGenerator keyTransport(X509Certificate cert)
            throws CertificateEncodingException {
        if (!"RSA".equals(cert.getPublicKey().getAlgorithm())) {
            throw new IllegalArgumentException("recipient key algorithm " + cert.getPublicKey().getAlgorithm()
                    + " is neither EC nor RSA: " + cert.getSubjectX500Principal());
        }
        return new JceKeyTransRecipientInfoGenerator(cert, RSA_OAEP_SHA256).setProvider(CryptoProviders.BC);
    }

    private static KeyPair ephemeralP256() throws NoSuchAlgorithmException, InvalidAlgorithmParameterException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", CryptoProviders.BC);
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static AlgorithmIdentifier oaepSha256() {
        try {
            return new JcaAlgorithmParametersConverter().getAlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP,
                    new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        } catch (InvalidAlgorithmParameterException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
