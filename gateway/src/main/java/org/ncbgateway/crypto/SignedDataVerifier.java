package org.ncbgateway.crypto;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Verifies the signature of an encapsulated CMS SignedData and nothing more: exactly one signer, its
 * certificate included, the federation's algorithms, a valid signature over id-data content.
 * BouncyCastle checks neither the certificate path nor who the signer is: callers do.
 */
final class SignedDataVerifier {

    private static final ASN1ObjectIdentifier SHA256 = NISTObjectIdentifiers.id_sha256;
    private static final Set<ASN1ObjectIdentifier> SIGNATURE_ALGORITHMS =
            Set.of(X9ObjectIdentifiers.ecdsa_with_SHA256, PKCSObjectIdentifiers.id_RSASSA_PSS);

    private final JcaSimpleSignerInfoVerifierBuilder verifiers =
            new JcaSimpleSignerInfoVerifierBuilder().setProvider(CryptoProviders.BC);
    private final JcaX509CertificateConverter certificates = new JcaX509CertificateConverter();

    VerifiedSignedData verify(byte[] der) throws LayerException {
        CMSSignedData signed = parse(der);
        SignerInformation signer = onlySigner(signed);
        checkAlgorithms(signer);
        X509CertificateHolder certHolder = signerCertificate(signed, signer);
        X509Certificate cert;
        try {
            cert = certificates.getCertificate(certHolder);
        } catch (CertificateException e) {
            throw new LayerException("signer certificate unusable: " + e.getMessage(), e);
        }
        try {
            // verified with the bare public key: whether the certificate was valid is the trust check's
            // question, asked at receipt time, not BouncyCastle's at the claimed signing time
            if (!signer.verify(verifiers.build(cert.getPublicKey()))) {
                throw new LayerException("signature does not verify");
            }
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            throw new LayerException("signature does not verify: " + e.getMessage(), e);
        }
        return new VerifiedSignedData((byte[]) signed.getSignedContent().getContent(), cert);
    }

    private static CMSSignedData parse(byte[] der) throws LayerException {
        try {
            CMSSignedData signed = new CMSSignedData(der);
            if (signed.getSignedContent() == null) {
                throw new LayerException("SignedData is detached; the content must be encapsulated");
            }
            if (!CMSObjectIdentifiers.data.equals(signed.getSignedContentType())) {
                throw new LayerException("encapsulated content type is " + signed.getSignedContentType()
                        + ", expected id-data");
            }
            return signed;
        } catch (CMSException | RuntimeException e) {
            throw new LayerException("not a CMS SignedData: " + e.getMessage(), e);
        }
    }

    private static SignerInformation onlySigner(CMSSignedData signed) throws LayerException {
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new LayerException("expected exactly one signer, found " + signers.size());
        }
        return signers.iterator().next();
    }

    private static void checkAlgorithms(SignerInformation signer) throws LayerException {
        ASN1ObjectIdentifier signature = new ASN1ObjectIdentifier(signer.getEncryptionAlgOID());
        if (!SIGNATURE_ALGORITHMS.contains(signature)) {
            throw new LayerException("signature algorithm " + signature + " is not ECDSA-SHA256 or RSASSA-PSS");
        }
        if (!SHA256.getId().equals(signer.getDigestAlgOID())) {
            throw new LayerException("digest algorithm " + signer.getDigestAlgOID() + " is not SHA-256");
        }
        if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(signature)) {
            RSASSAPSSparams pss = RSASSAPSSparams.getInstance(signer.getEncryptionAlgParams());
            if (!SHA256.equals(pss.getHashAlgorithm().getAlgorithm())) {
                throw new LayerException("RSASSA-PSS hash is not SHA-256");
            }
        }
    }

    private static X509CertificateHolder signerCertificate(CMSSignedData signed, SignerInformation signer)
            throws LayerException {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
        if (matches.size() != 1) {
            throw new LayerException("the signer certificate is not included in the SignedData");
        }
        return matches.iterator().next();
    }
}
