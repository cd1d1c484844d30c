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
import org.bouncycastle.cms.CMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.SignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Verifies the signature of an encapsulated CMS SignedData and nothing more: exactly one signer, its
 * certificate included, the federation's algorithms, a valid signature over id-data content.
 * BouncyCastle checks neither the certificate path nor who the signer is: callers do.
 * <p>
 * A federation has a few hundred signers, and each signs many messages: what depends on the signer
 * certificate alone (the parsed certificate, its public key as BouncyCastle's own class, whose point
 * keeps the multiples precomputed by the first verification, and the verifier built on it) is made
 * once and kept in a bounded cache keyed by the certificate's encoding. Nothing about trust is cached
 * here: callers check the certificate for every message. Thread-safe.
 */
final class SignedDataVerifier {

    /** Signing certificates: a few hundred nodes, each with one in force and perhaps one being renewed. */
    static final int SIGNER_CACHE_CAPACITY = 512;
    private static final ASN1ObjectIdentifier SHA256 = NISTObjectIdentifiers.id_sha256;
    private static final Set<ASN1ObjectIdentifier> SIGNATURE_ALGORITHMS =
            Set.of(X9ObjectIdentifiers.ecdsa_with_SHA256, PKCSObjectIdentifiers.id_RSASSA_PSS);
    private static final CMSSignatureAlgorithmNameGenerator SIGNATURE_NAMES =
            new DefaultCMSSignatureAlgorithmNameGenerator();
    private static final SignatureAlgorithmIdentifierFinder SIGNATURE_FINDER =
            new DefaultSignatureAlgorithmIdentifierFinder();

    /** The signer certificate as parsed once, and the verifier built on its public key. */
    private record Signer(X509Certificate certificate, SignerInformationVerifier verifier) {
    }

    private final JcaX509CertificateConverter certificates = new JcaX509CertificateConverter();
    private final BoundedCache<X509CertificateHolder, Signer> signers;
    private final DigestCalculatorProvider digests = defaultDigests();

    SignedDataVerifier() {
        this(SIGNER_CACHE_CAPACITY);
    }

    SignedDataVerifier(int cacheCapacity) {
        this.signers = new BoundedCache<>(cacheCapacity);
    }

    /** Signer certificates whose verifier is cached. */
    int cachedSigners() {
        return signers.size();
    }

    VerifiedSignedData verify(byte[] der) throws LayerException {
        CMSSignedData signed = parse(der);
        SignerInformation signer = onlySigner(signed);
        checkAlgorithms(signer);
        Signer known = signers.get(signerCertificate(signed, signer), this::prepare);
        try {
            // verified with the bare public key: whether the certificate was valid is the trust check's
            // question, asked at receipt time, not BouncyCastle's at the claimed signing time
            if (!signer.verify(known.verifier())) {
                throw new LayerException("signature does not verify");
            }
        } catch (CMSException | RuntimeException e) {
            throw new LayerException("signature does not verify: " + e.getMessage(), e);
        }
        return new VerifiedSignedData((byte[]) signed.getSignedContent().getContent(), known.certificate());
    }

    /**
     * ECDSA and RSASSA-PSS by BouncyCastle (several times faster than SunEC for EC); the content digest,
     * which runs over the whole content (the outer one over the base64 middle layer), by the JDK, whose
     * SHA-256 uses the processor's SHA instructions.
     */
    private Signer prepare(X509CertificateHolder holder) throws LayerException {
        try {
            X509Certificate cert = certificates.getCertificate(holder);
            SignerInformationVerifier verifier = new SignerInformationVerifier(SIGNATURE_NAMES, SIGNATURE_FINDER,
                    new JcaContentVerifierProviderBuilder().setProvider(CryptoProviders.BC)
                            .build(CryptoProviders.forBouncyCastle(cert.getPublicKey())), digests);
            return new Signer(cert, verifier);
        } catch (CertificateException | OperatorCreationException | IllegalArgumentException e) {
            throw new LayerException("signer certificate unusable: " + e.getMessage(), e);
        }
    }

    private static DigestCalculatorProvider defaultDigests() {
        try {
            return new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new ExceptionInInitializerError(e);
        }
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
