package org.ncbgateway.crypto;

import java.security.Key;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientId;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.RecipientOperator;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientId;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientId;

/**
 * Decrypts the middle layer with this node's encryption key. Only AuthEnvelopedData with AES-GCM is
 * accepted: a plain EnvelopedData (CBC, no integrity) is refused even if this node could decrypt it.
 * BouncyCastle finds this node's RecipientInfo and recovers the content key; the content itself is
 * decrypted with the AES-GCM provider of {@link CryptoProviders} (the JDK's, about ten times faster).
 */
final class AuthEnvelopeOpener {

    private static final Set<ASN1ObjectIdentifier> AES_GCM =
            Set.of(CMSAlgorithm.AES128_GCM, CMSAlgorithm.AES192_GCM, CMSAlgorithm.AES256_GCM);

    private final PrivateKey key;
    private final RecipientId self;
    private final boolean keyAgreement;

    AuthEnvelopeOpener(PrivateKey key, X509Certificate cert) {
        this.keyAgreement = "EC".equals(cert.getPublicKey().getAlgorithm());
        this.key = CryptoProviders.forBouncyCastle(key);
        this.self = keyAgreement ? new JceKeyAgreeRecipientId(cert) : new JceKeyTransRecipientId(cert);
    }

    byte[] open(byte[] der) throws LayerException {
        CMSAuthEnvelopedData enveloped = parse(der);
        String algorithm = enveloped.getEncryptionAlgOID();
        if (!AES_GCM.contains(new ASN1ObjectIdentifier(algorithm))) {
            throw new LayerException("content encryption " + algorithm + " refused: only AES-GCM is accepted");
        }
        RecipientInformation recipient = enveloped.getRecipientInfos().get(self);
        if (recipient == null) {
            throw new LayerException("this node is not among the " + enveloped.getRecipientInfos().size()
                    + " recipients of the message");
        }
        try {
            return recipient.getContent(recipient());
        } catch (CMSException | RuntimeException e) {
            throw new LayerException("cannot decrypt: " + e.getMessage(), e);
        }
    }

    /** BouncyCastle agrees or decrypts the content key; the content is decrypted by {@link GcmContentDecryptor}. */
    private Recipient recipient() {
        if (keyAgreement) {
            return new JceKeyAgreeRecipient(key) {
                @Override
                public RecipientOperator getRecipientOperator(AlgorithmIdentifier keyEncryption,
                        AlgorithmIdentifier content, SubjectPublicKeyInfo originator, ASN1OctetString ukm,
                        byte[] encryptedKey) throws CMSException {
                    Key contentKey = extractSecretKey(keyEncryption, content, originator, ukm, encryptedKey);
                    return new RecipientOperator(new GcmContentDecryptor(content, contentKey, CryptoProviders.aesGcm()));
                }
            }.setProvider(CryptoProviders.BC).setAllowedContentAlgorithms(AES_GCM);
        }
        return new JceKeyTransRecipient(key) {
            @Override
            public RecipientOperator getRecipientOperator(AlgorithmIdentifier keyEncryption,
                    AlgorithmIdentifier content, byte[] encryptedKey) throws CMSException {
                Key contentKey = extractSecretKey(keyEncryption, content, encryptedKey);
                return new RecipientOperator(new GcmContentDecryptor(content, contentKey, CryptoProviders.aesGcm()));
            }
        }.setProvider(CryptoProviders.BC).setMustProduceEncodableUnwrappedKey(true).setAllowedContentAlgorithms(AES_GCM);
    }

    private static CMSAuthEnvelopedData parse(byte[] der) throws LayerException {
        ContentInfo info;
        try {
            info = ContentInfo.getInstance(der);
        } catch (RuntimeException e) {
            throw new LayerException("middle layer is not a CMS ContentInfo: " + e.getMessage(), e);
        }
        if (CMSObjectIdentifiers.envelopedData.equals(info.getContentType())) {
            throw new LayerException("middle layer is an EnvelopedData: only AES-GCM AuthEnvelopedData is accepted");
        }
        if (!CMSObjectIdentifiers.authEnvelopedData.equals(info.getContentType())) {
            throw new LayerException("middle layer content type " + info.getContentType()
                    + " is not AuthEnvelopedData");
        }
        try {
            return new CMSAuthEnvelopedData(info);
        } catch (CMSException | RuntimeException e) {
            throw new LayerException("malformed AuthEnvelopedData: " + e.getMessage(), e);
        }
    }
}
