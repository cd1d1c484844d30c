package org.ncbgateway.crypto;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.KeyAgreeRecipientIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointUtil;

/**
 * An ECDH recipient prepared once from its encryption certificate and kept across messages: its
 * identifier in a KeyAgreeRecipientInfo (issuer and serial) and its public point, on which a
 * fixed-point comb is precomputed. With the comb, the key agreement of each later message costs about
 * what a key generation costs, a third of a generic constant-time point multiplication.
 *
 * @param id the RecipientEncryptedKey identifier
 * @param point the recipient's public P-256 point, carrying its precomputed comb
 */
record EcRecipient(KeyAgreeRecipientIdentifier id, ECPoint point) {

    private static final ECCurve P256 = CustomNamedCurves.getByName("secp256r1").getCurve();

    static EcRecipient of(X509Certificate cert) throws CertificateEncodingException {
        AsymmetricKeyParameter key;
        try {
            key = PublicKeyFactory.createKey(SubjectPublicKeyInfo.getInstance(cert.getPublicKey().getEncoded()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("recipient EC key unreadable: " + e.getMessage() + ": "
                    + cert.getSubjectX500Principal(), e);
        }
        if (!(key instanceof ECPublicKeyParameters ec) || !P256.equals(ec.getParameters().getCurve())) {
            throw new IllegalArgumentException("recipient key is not a P-256 key: " + cert.getSubjectX500Principal());
        }
        ECPoint point = ec.getQ();
        FixedPointUtil.precompute(point);
        Certificate structure = Certificate.getInstance(cert.getEncoded());
        return new EcRecipient(new KeyAgreeRecipientIdentifier(new IssuerAndSerialNumber(structure)), point);
    }
}
