package org.ncbgateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.Priority;
import org.ncbgateway.message.ReasonCode;
import org.ncbgateway.message.RejectedException;
import org.ncbgateway.notice.ValidationReport;
import org.ncbgateway.pki.CertificateTrust;
import org.ncbgateway.pki.FederationTrust;
import org.ncbgateway.pki.KeyPurpose;
import org.ncbgateway.pki.NodeCredentials;
import org.ncbgateway.testing.TestPki;

/**
 * An opener keeps what it derived from a signer certificate across messages, and a directory update
 * (a new trust with a new CRL) still takes effect on the very next message.
 */
class SignerCacheTest {

    private final TestPki pki = new TestPki();
    private final NodeCredentials fr = node("FR");
    private final NodeCredentials be = node("BE");

    private NodeCredentials node(String code) {
        TestPki.Issued signing = pki.issue(code, KeyPurpose.SIGNING);
        TestPki.Issued encryption = pki.issue(code, KeyPurpose.ENCRYPTION);
        return new NodeCredentials(code, signing.key(), signing.certificate(), encryption.key(),
                encryption.certificate());
    }

    private byte[] sealedByFr() {
        MessageHeader header = new MessageHeader(UUID.randomUUID(), MessageKind.DIFFUSION, "FR", List.of("BE"),
                List.of(), pki.now(), pki.now().plus(1, ChronoUnit.DAYS), null, Priority.NORMAL);
        return new MessageSealer(fr).seal(header, SealFixture.diffusion("FR"), List.of(be.encryptionCert()));
    }

    @Test
    void a_signer_revoked_by_a_new_crl_is_refused_on_the_next_message_though_its_verifier_is_cached()
            throws Exception {
        AtomicReference<FederationTrust> inForce = new AtomicReference<>(pki.trust());
        CertificateTrust live = (cert, purpose, at) -> inForce.get().check(cert, purpose, at);
        MessageOpener opener = new MessageOpener(be, live, h -> true, id -> false, p -> ValidationReport.ok(),
                Clock.systemUTC());
        opener.open(sealedByFr());

        inForce.set(pki.trust(fr.signingCert()));

        RejectedException e = catchThrowableOfType(RejectedException.class, () -> opener.open(sealedByFr()));
        assertThat(e).isNotNull();
        assertThat(e.code()).as(e.detail()).isEqualTo(ReasonCode.CERT_REVOKED);
    }

    @Test
    void the_signer_cache_stays_within_its_capacity_and_an_evicted_signer_still_verifies() throws Exception {
        SignedDataVerifier verifier = new SignedDataVerifier(1);
        byte[] byFr = new CmsSigner(fr.signingKey(), fr.signingCert()).sign(new byte[] {1});
        byte[] byBe = new CmsSigner(be.signingKey(), be.signingCert()).sign(new byte[] {2});

        verifier.verify(byFr);
        verifier.verify(byBe);
        VerifiedSignedData again = verifier.verify(byFr);

        assertThat(verifier.cachedSigners()).isEqualTo(1);
        assertThat(again.signer()).isEqualTo(fr.signingCert());
        assertThat(again.content()).containsExactly(1);
    }

    @Test
    void a_forged_signature_under_a_cached_signer_certificate_is_still_refused() throws Exception {
        SignedDataVerifier verifier = new SignedDataVerifier();
        verifier.verify(new CmsSigner(fr.signingKey(), fr.signingCert()).sign(new byte[] {1}));

        byte[] forged = new CmsSigner(be.signingKey(), fr.signingCert()).sign(new byte[] {1});

        LayerException e = catchThrowableOfType(LayerException.class, () -> verifier.verify(forged));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("does not verify");
    }
}
