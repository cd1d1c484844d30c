package org.ncbgateway.audit;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.ncbgateway.crypto.OuterVerifier;
import org.ncbgateway.crypto.VerifiedOuter;
import org.ncbgateway.message.RejectedException;
import org.ncbgateway.pki.CertificateTrust;

/**
 * Verifies a logged message's outer layer as a receiving node did, but at the entry's time: signature, signer
 * certificate under the trust in force then, signer equal to {@code header.from}; and the signed header agreeing
 * with the entry. The inner layer is end-to-end encrypted and beyond an auditor's keys.
 */
public final class WireMessageCheck implements MessageCheck {

    private final CertificateTrust trust;

    public WireMessageCheck(CertificateTrust trust) {
        this.trust = Objects.requireNonNull(trust, "trust");
    }

    @Override
    public Optional<String> problem(EntryMeta meta, byte[] wire) {
        VerifiedOuter outer;
        try {
            outer = new OuterVerifier(trust, Clock.fixed(meta.time(), ZoneOffset.UTC)).verify(wire);
        } catch (RejectedException e) {
            return Optional.of(e.code() + " " + e.detail());
        }
        String signedId = outer.header().messageId().toString();
        if (meta.messageId() != null && !meta.messageId().equals(signedId)) {
            return Optional.of("MESSAGE_ID_MISMATCH entry says messageId " + meta.messageId() + ", the signed header "
                    + signedId);
        }
        if (meta.kind() != null && !meta.kind().equals(outer.header().kind().wireName())) {
            return Optional.of("KIND_MISMATCH entry says kind " + meta.kind() + ", the signed header "
                    + outer.header().kind().wireName());
        }
        return Optional.empty();
    }
}
