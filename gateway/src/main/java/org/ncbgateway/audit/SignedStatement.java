package org.ncbgateway.audit;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * A seal or countersignature whose CMS signature verified: its content and signer certificate. Who the
 * signer is and whether the certificate was trusted at the time are the caller's checks ({@link SignerCheck}).
 */
public record SignedStatement(byte[] content, X509Certificate signer) {

    /** @throws InvalidStatementException when the bytes are not an encapsulated SignedData with one valid signature */
    public static SignedStatement verify(byte[] der) throws InvalidStatementException {
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(der);
        } catch (CMSException | RuntimeException e) {
            throw new InvalidStatementException("not a CMS SignedData: " + e.getMessage());
        }
        if (signed.getSignedContent() == null) {
            throw new InvalidStatementException("SignedData is detached; a statement is encapsulated");
        }
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new InvalidStatementException("expected exactly one signer, found " + signers.size());
        }
        SignerInformation signer = signers.iterator().next();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> certs = signed.getCertificates().getMatches(signer.getSID());
        if (certs.size() != 1) {
            throw new InvalidStatementException("the signer certificate is not included");
        }
        X509CertificateHolder cert = certs.iterator().next();
        try {
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(AuditCrypto.BC).build(cert))) {
                throw new InvalidStatementException("signature does not verify");
            }
            return new SignedStatement((byte[]) signed.getSignedContent().getContent(),
                    new JcaX509CertificateConverter().getCertificate(cert));
        } catch (CMSException e) {
            throw new InvalidStatementException("signature does not verify: " + e.getMessage());
        } catch (OperatorCreationException | CertificateException e) {
            throw new InvalidStatementException("signer certificate unusable: " + e.getMessage());
        }
    }

    /** Why a statement's signature was refused. */
    public static final class InvalidStatementException extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidStatementException(String reason) {
            super(reason);
        }
    }
}
