package org.ncbgateway.directory;

import static org.ncbgateway.directory.DirectoryException.Reason.EXPIRED;
import static org.ncbgateway.directory.DirectoryException.Reason.MALFORMED;
import static org.ncbgateway.directory.DirectoryException.Reason.NOT_NEWER;
import static org.ncbgateway.directory.DirectoryException.Reason.NOT_SIGNED_BY_ROOT;
import static org.ncbgateway.directory.DirectoryException.Reason.SIGNATURE_INVALID;
import static org.ncbgateway.directory.DirectoryException.Reason.UNSIGNED;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.OptionalLong;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.ncbgateway.pki.BouncyCastle;
import org.ncbgateway.pki.FederationTrust;
import org.ncbgateway.pki.Pem;
import org.ncbgateway.pki.PkiException;

/**
 * Accepts a signed directory only from the federation root: one check per rule of SPEC section 6,
 * each failing with its own {@link DirectoryException.Reason}. The signature is verified with the
 * root's key as configured, never with a certificate the SignedData brings along.
 */
public final class DirectoryVerifier {

    private static final String ALTERED =
            "the root's signature on the directory does not verify: the content or the signature was altered";

    private final X509Certificate root;
    private final JcaX509CertificateHolder rootHolder;

    public DirectoryVerifier(X509Certificate root) {
        this.root = Objects.requireNonNull(root, "root");
        try {
            this.rootHolder = new JcaX509CertificateHolder(root);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("unreadable root certificate", e);
        }
    }

    /** Authentic, newer than {@code currentVersion} (when there is a directory in force) and not expired at {@code now}. */
    public Directory verify(byte[] signed, OptionalLong currentVersion, Instant now) throws DirectoryException {
        Directory directory = verifySignature(signed);
        checkNewer(directory, currentVersion);
        checkNotExpired(directory, now);
        return directory;
    }

    /** Authentic only: signed by the root over a well-formed directory whose CRL the root signed too. */
    public Directory verifySignature(byte[] signed) throws DirectoryException {
        CMSSignedData data = parse(signed);
        SignerInformation signer = onlySigner(data);
        checkSignedByRoot(signer);
        checkSignature(signer);
        Directory directory = DirectoryCodec.decode((byte[]) data.getSignedContent().getContent(), "signed directory");
        checkCrlOfRoot(directory);
        return directory;
    }

    private static CMSSignedData parse(byte[] signed) throws DirectoryException {
        try {
            CMSSignedData data = new CMSSignedData(signed);
            if (data.getSignedContent() == null) {
                throw new DirectoryException(MALFORMED, "the SignedData does not encapsulate the directory (detached)");
            }
            return data;
        } catch (CMSException | RuntimeException e) {
            throw new DirectoryException(MALFORMED, "not a CMS SignedData (" + e.getMessage() + ")", e);
        }
    }

    private static SignerInformation onlySigner(CMSSignedData data) throws DirectoryException {
        Collection<SignerInformation> signers = data.getSignerInfos().getSigners();
        if (signers.isEmpty()) {
            throw new DirectoryException(UNSIGNED, "the directory carries no signature");
        }
        if (signers.size() > 1) {
            throw new DirectoryException(MALFORMED, "expected exactly one signer, found " + signers.size());
        }
        return signers.iterator().next();
    }

    private void checkSignedByRoot(SignerInformation signer) throws DirectoryException {
        if (!signer.getSID().match(rootHolder)) {
            throw new DirectoryException(NOT_SIGNED_BY_ROOT, "the directory is signed by "
                    + describe(signer) + ", not by the federation root '" + root.getSubjectX500Principal().getName()
                    + "' serial " + root.getSerialNumber().toString(16));
        }
    }

    private void checkSignature(SignerInformation signer) throws DirectoryException {
        boolean valid;
        try {
            valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.provider()).build(root));
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            throw new DirectoryException(SIGNATURE_INVALID, ALTERED + " (" + e.getMessage() + ")", e);
        }
        if (!valid) {
            throw new DirectoryException(SIGNATURE_INVALID, ALTERED);
        }
    }

    private void checkCrlOfRoot(Directory directory) throws DirectoryException {
        try {
            new FederationTrust(root, Pem.crl(directory.crl(), "signed directory: /crl"));
        } catch (PkiException | IllegalArgumentException e) {
            throw new DirectoryException(MALFORMED, "signed directory: /crl: " + e.getMessage(), e);
        }
    }

    private static void checkNewer(Directory directory, OptionalLong currentVersion) throws DirectoryException {
        if (currentVersion.isPresent() && directory.version() <= currentVersion.getAsLong()) {
            throw new DirectoryException(NOT_NEWER, "directory version " + directory.version()
                    + " is not newer than the version in force, " + currentVersion.getAsLong());
        }
    }

    private static void checkNotExpired(Directory directory, Instant now) throws DirectoryException {
        if (!now.isBefore(directory.validUntil())) {
            throw new DirectoryException(EXPIRED, "directory version " + directory.version() + " expired at "
                    + directory.validUntil() + " (now " + now + ")");
        }
    }

    private static String describe(SignerInformation signer) {
        return signer.getSID().getIssuer() == null ? "an unknown key"
                : "issuer '" + signer.getSID().getIssuer() + "' serial "
                + (signer.getSID().getSerialNumber() == null ? "?" : signer.getSID().getSerialNumber().toString(16));
    }
}
