package org.ncbgateway.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.Provider;
import java.security.interfaces.ECPrivateKey;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.cms.RecipientEncryptedKey;
import org.bouncycastle.asn1.cms.ecc.ECCCMSSharedInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.KeyAgreeRecipientInfoGenerator;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.KDF2BytesGenerator;
import org.bouncycastle.crypto.params.KDFParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.operator.GenericKey;
import org.bouncycastle.util.Pack;

/**
 * One KeyAgreeRecipientInfo for every EC recipient of a message (RFC 5753, as BouncyCastle's own
 * generator and OpenSSL write it): one ephemeral P-256 originator key, {@code
 * dhSinglePass-stdDH-sha256kdf-scheme} (the X9.63 KDF with SHA-256 over ECC-CMS-SharedInfo) and
 * {@code id-aes256-wrap}, one RecipientEncryptedKey per recipient, in the order given.
 * <p>
 * Why not BouncyCastle's {@code JceKeyAgreeRecipientInfoGenerator}: its ECDH multiplies each recipient's
 * point from scratch, one recipient after the other. Here the point multiplication uses the comb
 * precomputed on the cached {@link EcRecipient} (the same constant-time comb BouncyCastle uses for key
 * generation), and a long recipient list is spread over the cores.
 */
final class SharedEphemeralKeyAgreement extends KeyAgreeRecipientInfoGenerator {

    /** Below this many recipients the hand-off to other threads costs more than it saves. */
    static final int PARALLEL_FROM = 8;
    private static final int KEK_BITS = 256;

    private final BigInteger ephemeralSecret;
    private final List<EcRecipient> recipients;
    private final Provider keyWrapping;

    SharedEphemeralKeyAgreement(KeyPair ephemeral, List<EcRecipient> recipients, Provider keyWrapping) {
        super(CMSAlgorithm.ECDH_SHA256KDF, SubjectPublicKeyInfo.getInstance(ephemeral.getPublic().getEncoded()),
                CMSAlgorithm.AES256_WRAP);
        this.ephemeralSecret = ((ECPrivateKey) ephemeral.getPrivate()).getS();
        this.recipients = List.copyOf(recipients);
        this.keyWrapping = keyWrapping;
    }

    @Override
    protected ASN1Sequence generateRecipientEncryptedKeys(AlgorithmIdentifier keyAgreeAlg,
            AlgorithmIdentifier keyEncAlg, GenericKey contentKey) throws CMSException {
        if (!CMSAlgorithm.AES256_WRAP.equals(keyEncAlg.getAlgorithm())) {
            throw new CMSException("key wrap " + keyEncAlg.getAlgorithm() + " is not id-aes256-wrap");
        }
        byte[] sharedInfo;
        try {
            sharedInfo = new ECCCMSSharedInfo(keyEncAlg, Pack.intToBigEndian(KEK_BITS)).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new CMSException("cannot encode ECC-CMS-SharedInfo: " + e.getMessage(), e);
        }
        Key key = jceKey(contentKey);
        IntStream indices = IntStream.range(0, recipients.size());
        if (recipients.size() >= PARALLEL_FROM) {
            indices = indices.parallel();
        }
        try {
            return new DERSequence(indices.mapToObj(i -> encryptedKey(recipients.get(i), sharedInfo, key))
                    .toArray(RecipientEncryptedKey[]::new));
        } catch (IllegalStateException e) {
            throw new CMSException("key agreement failed: " + e.getMessage(), e);
        }
    }

    @Override
    protected byte[] getUserKeyingMaterial(AlgorithmIdentifier keyAgreeAlg) {
        return null;
    }

    private RecipientEncryptedKey encryptedKey(EcRecipient recipient, byte[] sharedInfo, Key contentKey) {
        byte[] kek = new byte[KEK_BITS / 8];
        byte[] z = sharedSecret(recipient.point());
        try {
            KDF2BytesGenerator kdf = new KDF2BytesGenerator(SHA256Digest.newInstance());
            kdf.init(new KDFParameters(z, sharedInfo));
            kdf.generateBytes(kek, 0, kek.length);
            Cipher wrap = Cipher.getInstance("AESWrap", keyWrapping);
            wrap.init(Cipher.WRAP_MODE, new SecretKeySpec(kek, "AES"));
            return new RecipientEncryptedKey(recipient.id(), new DEROctetString(wrap.wrap(contentKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap the content key: " + e.getMessage(), e);
        } finally {
            Arrays.fill(z, (byte) 0);
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** ECDH (cofactor 1 on P-256): the x coordinate of the ephemeral secret times the recipient's point. */
    private byte[] sharedSecret(ECPoint recipientPoint) {
        ECPoint shared = new FixedPointCombMultiplier().multiply(recipientPoint, ephemeralSecret).normalize();
        if (shared.isInfinity()) {
            throw new IllegalStateException("ECDH produced the point at infinity");
        }
        return shared.getAffineXCoord().getEncoded();
    }

    private static Key jceKey(GenericKey contentKey) throws CMSException {
        Object representation = contentKey.getRepresentation();
        if (representation instanceof Key key) {
            return key;
        }
        if (representation instanceof byte[] bytes) {
            return new SecretKeySpec(bytes, "AES");
        }
        throw new CMSException("unexpected content key representation " + representation.getClass().getName());
    }
}
