package org.ncbgateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.junit.jupiter.api.Test;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.Priority;
import org.ncbgateway.message.ReasonCode;
import org.ncbgateway.message.RejectedException;
import org.ncbgateway.notice.ValidationError;
import org.ncbgateway.notice.ValidationReport;
import org.ncbgateway.notice.ValidationStage;
import org.ncbgateway.pki.CertificateTemplate;
import org.ncbgateway.pki.KeyAlgorithm;
import org.ncbgateway.pki.KeyPurpose;
import org.ncbgateway.pki.NodeCredentials;
import org.ncbgateway.pki.NodeKeyStore;
import org.ncbgateway.pki.Validity;
import org.ncbgateway.testing.ExampleFederation;
import org.ncbgateway.testing.TestPki;

/** One sealed message per way it can be wrong, each refused with its SPEC section 7 reason code. */
class SealedMessageTamperTest {

    private final SealFixture f = SealFixture.get();
    private final MessageHeader header = f.header(MessageKind.DIFFUSION, "FR", "BE");
    private final byte[] payload = SealFixture.diffusion("FR");

    private byte[] inner() {
        return Layers.signed(f.node("FR"), payload);
    }

    private byte[] middle() {
        return Layers.enveloped(inner(), f.encryptionCerts("BE"));
    }

    private byte[] sealed() {
        return Layers.outer(f.node("FR"), header, middle());
    }

    /**
     * BE's opener once it has opened a good message from FR: what it caches about FR's certificates (the
     * parsed certificate, the verifier) must not let a later bad message skip any check.
     */
    private RejectedException rejectedByBe(byte[] wire, ReasonCode expected) {
        MessageOpener be = f.opener("BE");
        try {
            be.open(Layers.outer(f.node("FR"), f.header(MessageKind.DIFFUSION, "FR", "BE"), middle()));
        } catch (RejectedException | DuplicateMessageException e) {
            throw new AssertionError("the good message that warms BE's opener was refused: " + e.getMessage(), e);
        }
        return rejected(be, wire, expected);
    }

    private static RejectedException rejected(MessageOpener opener, byte[] wire, ReasonCode expected) {
        RejectedException e = catchThrowableOfType(RejectedException.class, () -> opener.open(wire));
        assertThat(e).as("expected a rejection with " + expected).isNotNull();
        assertThat(e.code()).as(e.detail()).isEqualTo(expected);
        assertThat(e.header()).as("header carried exactly when answered with a receipt")
                .isEqualTo(expected.answeredWithReceipt() ? java.util.Optional.of(e.header().orElseThrow())
                        : java.util.Optional.empty());
        return e;
    }

    @Test
    void the_untampered_message_opens() throws Exception {
        assertThat(f.opener("BE").open(sealed()).payload()).isEqualTo(payload);
    }

    @Test
    void rejects_a_flipped_byte_in_the_outer_layer() {
        byte[] wire = Layers.flipWithin(sealed(), "\"payload\":\"".getBytes(StandardCharsets.UTF_8));
        rejectedByBe(wire, ReasonCode.SIGNATURE_INVALID);
    }

    @Test
    void rejects_a_flipped_byte_in_the_middle_layer_ciphertext() {
        byte[] middle = middle();
        byte[] ciphertext = AuthEnvelopedData.getInstance(ContentInfo.getInstance(middle).getContent())
                .getAuthEncryptedContentInfo().getEncryptedContent().getOctets();
        byte[] tampered = Layers.flipWithin(middle, java.util.Arrays.copyOfRange(ciphertext, 0, 16));
        RejectedException e = rejectedByBe(Layers.outer(f.node("FR"), header, tampered), ReasonCode.DECRYPT_FAILED);
        assertThat(e.header()).contains(header);
    }

    @Test
    void rejects_a_flipped_byte_in_the_inner_layer() {
        byte[] inner = Layers.flipWithin(inner(), "locate".getBytes(StandardCharsets.UTF_8));
        byte[] wire = Layers.outer(f.node("FR"), header, Layers.enveloped(inner, f.encryptionCerts("BE")));
        rejectedByBe(wire, ReasonCode.INNER_SIGNATURE_INVALID);
    }

    @Test
    void rejects_a_header_changed_after_signing() {
        byte[] wire = Layers.replace(sealed(), "\"to\":[\"BE\"]", "\"to\":[\"NL\"]");
        rejectedByBe(wire, ReasonCode.SIGNATURE_INVALID);
    }

    @Test
    void rejects_an_outer_signer_that_is_not_header_from() {
        MessageHeader claimsNl = f.header(MessageKind.DIFFUSION, "NL", "BE");
        rejectedByBe(Layers.outer(f.node("FR"), claimsNl, middle()), ReasonCode.SENDER_MISMATCH);
    }

    @Test
    void rejects_a_signer_certified_by_another_ca() {
        rejectedByBe(Layers.outer(impostor("FR"), header, middle()), ReasonCode.CERT_UNTRUSTED);
    }

    @Test
    void rejects_an_expired_signer_certificate() {
        KeyPair keys = KeyAlgorithm.EC_P256.generate();
        X509Certificate expired = ExampleFederation.rootAuthority().issue(CertificateTemplate.forPurpose("FR",
                KeyPurpose.SIGNING, keys.getPublic(), new Validity(f.now.minus(400, ChronoUnit.DAYS),
                        f.now.minus(1, ChronoUnit.DAYS)), List.of()));
        rejectedByBe(Layers.outer(withSigning(f.node("FR"), keys.getPrivate(), expired), header, middle()),
                ReasonCode.CERT_EXPIRED);
    }

    @Test
    void rejects_a_revoked_signer_certificate() throws Exception {
        Path superseded = Files.list(ExampleFederation.layout().superseded("FR")).findFirst().orElseThrow();
        PrivateKey key = NodeKeyStore.privateKey(superseded, KeyPurpose.SIGNING, ExampleFederation.passwords("FR"));
        X509Certificate revoked = ExampleFederation.supersededCertificate("FR", KeyPurpose.SIGNING);
        RejectedException e = rejectedByBe(Layers.outer(withSigning(f.node("FR"), key, revoked), header, middle()),
                ReasonCode.CERT_REVOKED);
        assertThat(e.detail()).contains("revoked");
    }

    @Test
    void rejects_a_signer_certificate_without_signing_key_usage() {
        NodeCredentials fr = f.node("FR");
        NodeCredentials signsWithItsKeyAgreementCert = withSigning(fr, fr.encryptionKey(), fr.encryptionCert());
        rejectedByBe(Layers.outer(signsWithItsKeyAgreementCert, header, middle()), ReasonCode.CERT_UNTRUSTED);
    }

    @Test
    void rejects_an_aes_cbc_enveloped_data_middle_layer() throws Exception {
        KeyPair ephemeral = KeyAlgorithm.EC_P256.generate();
        CMSEnvelopedDataGenerator generator = new CMSEnvelopedDataGenerator();
        generator.addRecipientInfoGenerator(new JceKeyAgreeRecipientInfoGenerator(CMSAlgorithm.ECDH_SHA256KDF,
                ephemeral.getPrivate(), ephemeral.getPublic(), CMSAlgorithm.AES256_WRAP)
                .setProvider(CryptoProviders.BC).addRecipient(f.node("BE").encryptionCert()));
        byte[] cbc = generator.generate(new CMSProcessableByteArray(inner()),
                new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC).setProvider(CryptoProviders.BC).build())
                .getEncoded();
        RejectedException e = rejectedByBe(Layers.outer(f.node("FR"), header, cbc), ReasonCode.DECRYPT_FAILED);
        assertThat(e.detail()).contains("EnvelopedData");
    }

    @Test
    void rejects_a_message_not_addressed_to_this_node() {
        RejectedException e = rejected(f.opener("BE", h -> false), sealed(), ReasonCode.NOT_ADDRESSED);
        assertThat(e.header()).contains(header);
    }

    @Test
    void rejects_an_expired_message() {
        MessageHeader stale = new MessageHeader(UUID.randomUUID(), MessageKind.DIFFUSION, "FR", List.of("BE"),
                List.of(), f.now.minus(2, ChronoUnit.DAYS), f.now.minus(1, ChronoUnit.SECONDS), null,
                Priority.URGENT);
        rejectedByBe(Layers.outer(f.node("FR"), stale, middle()), ReasonCode.EXPIRED);
    }

    @Test
    void a_hub_cannot_decrypt_even_when_it_believes_itself_addressed() {
        MessageHeader toAll = f.header(MessageKind.DIFFUSION, "FR", "all");
        byte[] wire = Layers.outer(f.node("FR"), toAll, Layers.enveloped(inner(), f.encryptionCerts("BE", "NL")));
        RejectedException e = rejected(f.opener("HUB-EUROPE"), wire, ReasonCode.DECRYPT_FAILED);
        assertThat(e.detail()).contains("not among the 2 recipients");
    }

    @Test
    void drops_a_duplicate_with_its_own_exception_not_a_rejection() {
        byte[] wire = sealed();
        MessageOpener seenBefore = new MessageOpener(f.node("BE"), f.trust, h -> true,
                id -> id.equals(header.messageId()), SealFixture.anyJsonObject(), f.clock);
        DuplicateMessageException e = catchThrowableOfType(DuplicateMessageException.class, () -> seenBefore.open(wire));
        assertThat(e).isNotNull();
        assertThat(e.header()).isEqualTo(header);
    }

    @Test
    void opens_a_redelivery_of_an_accepted_id_but_still_runs_every_other_check() throws Exception {
        MessageOpener seenBefore = new MessageOpener(f.node("BE"), f.trust, h -> true,
                id -> id.equals(header.messageId()), SealFixture.anyJsonObject(), f.clock);

        assertThat(seenBefore.open(sealed(), true).payload()).isEqualTo(payload);
        byte[] innerByNl = Layers.signed(f.node("NL"), payload);
        byte[] forged = Layers.outer(f.node("FR"), header, Layers.enveloped(innerByNl, f.encryptionCerts("BE")));
        RejectedException e = catchThrowableOfType(RejectedException.class, () -> seenBefore.open(forged, true));
        assertThat(e.code()).isEqualTo(ReasonCode.INNER_SIGNATURE_INVALID);
    }

    @Test
    void rejects_an_inner_signer_that_is_not_the_payload_issuer() {
        byte[] innerByNl = Layers.signed(f.node("NL"), payload);
        byte[] wire = Layers.outer(f.node("FR"), header, Layers.enveloped(innerByNl, f.encryptionCerts("BE")));
        RejectedException e = rejectedByBe(wire, ReasonCode.INNER_SIGNATURE_INVALID);
        assertThat(e.detail()).contains("NL").contains("FR");
    }

    @Test
    void rejects_an_inner_signer_certified_by_another_ca() {
        byte[] innerByImpostor = Layers.signed(impostor("FR"), payload);
        byte[] wire = Layers.outer(f.node("FR"), header, Layers.enveloped(innerByImpostor, f.encryptionCerts("BE")));
        RejectedException e = rejectedByBe(wire, ReasonCode.INNER_SIGNATURE_INVALID);
        assertThat(e.detail()).contains("CERT_UNTRUSTED");
    }

    @Test
    void rejects_a_payload_whose_kind_differs_from_the_header() {
        MessageHeader saysUpdate = f.header(MessageKind.UPDATE, "FR", "BE");
        rejectedByBe(Layers.outer(f.node("FR"), saysUpdate, middle()), ReasonCode.KIND_MISMATCH);
    }

    @Test
    void rejects_a_payload_the_validator_refuses_with_its_reason_code() {
        MessageOpener strict = new MessageOpener(f.node("BE"), f.trust, h -> true, id -> false,
                p -> new ValidationReport(List.of(new ValidationError("/subjects", "required", "required",
                        ValidationStage.SCHEMA))), f.clock);
        RejectedException e = rejected(strict, sealed(), ReasonCode.SCHEMA_INVALID);
        assertThat(e.detail()).contains("/subjects");
    }

    @Test
    void rejects_signed_outer_content_with_a_field_the_header_does_not_have() {
        String json = new String(OuterDocument.of(header, middle()).toJson(), StandardCharsets.UTF_8)
                .replace("\"priority\":", "\"route\":\"HUB-EUROPE\",\"priority\":");
        RejectedException e = rejectedByBe(Layers.signed(f.node("FR"), json.getBytes(StandardCharsets.UTF_8)),
                ReasonCode.SIGNATURE_INVALID);
        assertThat(e.detail()).contains("route");
    }

    @Test
    void rejects_bytes_that_are_not_cms_as_an_invalid_signature() {
        rejectedByBe("not a message".getBytes(StandardCharsets.UTF_8), ReasonCode.SIGNATURE_INVALID);
    }

    @Test
    void rejects_an_outer_layer_with_two_signers() throws Exception {
        org.bouncycastle.cms.CMSSignedData one = new org.bouncycastle.cms.CMSSignedData(sealed());
        org.bouncycastle.cms.CMSSignedData other = new org.bouncycastle.cms.CMSSignedData(
                Layers.signed(f.node("NL"), (byte[]) one.getSignedContent().getContent()));
        java.util.List<org.bouncycastle.cms.SignerInformation> both = new java.util.ArrayList<>(one.getSignerInfos().getSigners());
        both.addAll(other.getSignerInfos().getSigners());
        byte[] twoSigners = org.bouncycastle.cms.CMSSignedData.replaceSigners(one,
                new org.bouncycastle.cms.SignerInformationStore(both)).getEncoded("DER");
        RejectedException e = rejectedByBe(twoSigners, ReasonCode.SIGNATURE_INVALID);
        assertThat(e.detail()).contains("exactly one signer");
    }

    /** FR's credentials with another signing key and certificate. */
    private static NodeCredentials withSigning(NodeCredentials base, PrivateKey key, X509Certificate cert) {
        return new NodeCredentials(base.code(), key, cert, base.encryptionKey(), base.encryptionCert());
    }

    /** Credentials for {@code code} certified by a root that is not the federation's. */
    private static NodeCredentials impostor(String code) {
        TestPki other = new TestPki("NCB Federation Root CA");
        TestPki.Issued signing = other.issue(code, KeyPurpose.SIGNING);
        TestPki.Issued encryption = other.issue(code, KeyPurpose.ENCRYPTION);
        return new NodeCredentials(code, signing.key(), signing.certificate(), encryption.key(), encryption.certificate());
    }
}
