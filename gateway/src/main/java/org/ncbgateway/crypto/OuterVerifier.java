package org.ncbgateway.crypto;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Objects;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.ReasonCode;
import org.ncbgateway.message.RejectedException;
import org.ncbgateway.pki.CertificateTrust;
import org.ncbgateway.pki.KeyPurpose;
import org.ncbgateway.pki.NodeCodes;

/**
 * The checks on the outer layer, in SPEC section 4 order: signature, signer certificate (path to the
 * root, validity at receipt, revocation, key usage), signer node code equal to {@code header.from}.
 * All a hub runs before relaying; a bureau runs it first. Thread-safe.
 */
public final class OuterVerifier {

    private final SignedDataVerifier signatures;
    private final CertificateTrust trust;
    private final Clock clock;

    public OuterVerifier(CertificateTrust trust, Clock clock) {
        this(trust, clock, new SignedDataVerifier());
    }

    /** Sharing {@code signatures} with the inner layer's check keeps one signer cache per node. */
    OuterVerifier(CertificateTrust trust, Clock clock, SignedDataVerifier signatures) {
        this.trust = Objects.requireNonNull(trust, "trust");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signatures = Objects.requireNonNull(signatures, "signatures");
    }

    public VerifiedOuter verify(byte[] wire) throws RejectedException {
        VerifiedSignedData signed;
        OuterDocument document;
        byte[] middle;
        try {
            signed = signatures.verify(wire);
            document = OuterDocument.parse(signed.content());
            middle = document.middle();
        } catch (LayerException e) {
            throw new RejectedException(ReasonCode.SIGNATURE_INVALID, "outer layer: " + e.getMessage(), e);
        }
        trust.check(signed.signer(), KeyPurpose.SIGNING, clock.instant());
        checkSender(signed.signer(), document.header());
        return new VerifiedOuter(document.header(), middle, signed.signer());
    }

    private static void checkSender(X509Certificate signer, MessageHeader header) throws RejectedException {
        String code = NodeCodes.of(signer);
        if (!code.equals(header.from())) {
            throw new RejectedException(ReasonCode.SENDER_MISMATCH,
                    "outer signer is node " + code + " but header.from is " + header.from());
        }
    }
}
