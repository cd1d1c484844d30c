package org.ncbgateway.crypto;

import java.io.IOException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.RecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;

/**
 * Encrypts once for many recipients: an AuthEnvelopedData (RFC 5083) with AES-256-GCM, one
 * KeyAgreeRecipientInfo holding a single ephemeral P-256 originator key for every EC recipient
 * (ECDH with the SHA-256 KDF, AES-256 key wrap), and one RSAES-OAEP (SHA-256) KeyTransRecipientInfo
 * per RSA recipient. One ephemeral key for all EC recipients turns 196 key generations into one.
 * What can be derived from a recipient's certificate alone (its parsed key, its comb, its RSA wrapper)
 * is derived once and kept in a bounded cache, so each message pays only its own key operations.
 * Thread-safe.
 */
final class AuthEnvelopeSealer {

    /** Per key type: a federation has a few hundred bureaus, each with one encryption certificate in force. */
    static final int RECIPIENT_CACHE_CAPACITY = 512;
    private static final AlgorithmIdentifier RSA_OAEP_SHA256 = oaepSha256();
    private static final int GCM_NONCE_BYTES = 12;
    private static final int GCM_TAG_BITS = 128;
    private static final SecureRandom NONCES = new SecureRandom();

    private final BoundedCache<X509Certificate, EcRecipient> ecRecipients;
    private final BoundedCache<X509Certificate, RecipientInfoGenerator> rsaRecipients;

    AuthEnvelopeSealer() {
        this(RECIPIENT_CACHE_CAPACITY);
    }

    AuthEnvelopeSealer(int cacheCapacity) {
        this.ecRecipients = new BoundedCache<>(cacheCapacity);
        this.rsaRecipients = new BoundedCache<>(cacheCapacity);
    }

    byte[] seal(byte[] content, Collection<X509Certificate> recipients) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a message needs at least one recipient");
        }
        try {
            CMSAuthEnvelopedDataGenerator generator = new CMSAuthEnvelopedDataGenerator();
            List<EcRecipient> ec = new ArrayList<>();
            for (X509Certificate cert : recipients) {
                if (isEc(cert)) {
                    ec.add(ecRecipients.get(cert, EcRecipient::of));
                }
            }
            if (!ec.isEmpty()) {
                generator.addRecipientInfoGenerator(
                        new SharedEphemeralKeyAgreement(ephemeralP256(), ec, CryptoProviders.aesGcm()));
            }
            for (X509Certificate cert : recipients) {
                if (!isEc(cert)) {
                    generator.addRecipientInfoGenerator(rsaRecipients.get(cert, AuthEnvelopeSealer::keyTransport));
                }
            }
            OutputAEADEncryptor encryptor = (OutputAEADEncryptor)
                    new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM)
                            .setProvider(CryptoProviders.aesGcm()).setAlgorithmParameters(gcmParameters()).build();
            // DER, as SPEC section 4 wants every layer (BouncyCastle writes indefinite-length BER), which
            // also spares each receiver the slower BER parse
            return generator.generate(new CMSProcessableByteArray(content), encryptor).toASN1Structure()
                    .getEncoded(ASN1Encoding.DER);
        } catch (CMSException | IOException | GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed: " + e.getMessage(), e);
        }
    }

    /** Recipients whose prepared state is cached, EC and RSA together. */
    int cachedRecipients() {
        return ecRecipients.size() + rsaRecipients.size();
    }

    private static boolean isEc(X509Certificate cert) {
        return "EC".equals(cert.getPublicKey().getAlgorithm());
    }

    /** Reusable across messages and threads: BouncyCastle makes a new Cipher for every key it wraps. */
    private static RecipientInfoGenerator keyTransport(X509Certificate cert) throws CertificateEncodingException {
        if (!"RSA".equals(cert.getPublicKey().getAlgorithm())) {
            throw new IllegalArgumentException("recipient key algorithm " + cert.getPublicKey().getAlgorithm()
                    + " is neither EC nor RSA: " + cert.getSubjectX500Principal());
        }
        return new JceKeyTransRecipientInfoGenerator(cert, RSA_OAEP_SHA256).setProvider(CryptoProviders.BC);
    }

    /**
     * A fresh 96-bit nonce and a 128-bit tag, given to BouncyCastle rather than left to it: it would ask the
     * JDK for a GCM parameter generator by OID, which the JDK does not have, and pay for the exception on
     * every message before letting the cipher pick the nonce. The encoding is the JDK's either way.
     */
    private static AlgorithmParameters gcmParameters() throws GeneralSecurityException {
        byte[] nonce = new byte[GCM_NONCE_BYTES];
        NONCES.nextBytes(nonce);
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("GCM", CryptoProviders.aesGcm());
        parameters.init(new GCMParameterSpec(GCM_TAG_BITS, nonce));
        return parameters;
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
