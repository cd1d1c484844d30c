package org.ncbgateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.IntStream;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.cms.KeyAgreeRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.Test;
import org.ncbgateway.pki.KeyPurpose;
import org.ncbgateway.testing.TestPki;

/**
 * The middle layer for many EC recipients: one key agreement info with one ephemeral key, the per-recipient
 * work spread over threads and drawn from a bounded cache, and every recipient still able to decrypt.
 */
class AuthEnvelopeSealerTest {

    private static final byte[] CONTENT = "inner layer stand-in".getBytes(StandardCharsets.UTF_8);

    private final TestPki pki = new TestPki();

    private List<TestPki.Issued> bureaus(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> pki.issue("" + (char) ('A' + i / 26) + (char) ('A' + i % 26), KeyPurpose.ENCRYPTION))
                .toList();
    }

    private static List<X509Certificate> certs(List<TestPki.Issued> bureaus) {
        return bureaus.stream().map(TestPki.Issued::certificate).toList();
    }

    private static byte[] openAs(TestPki.Issued bureau, byte[] middle) throws LayerException {
        return new AuthEnvelopeOpener(bureau.key(), bureau.certificate()).open(middle);
    }

    @Test
    void every_recipient_of_a_long_list_decrypts_the_key_agreed_on_several_threads() throws Exception {
        List<TestPki.Issued> bureaus = bureaus(SharedEphemeralKeyAgreement.PARALLEL_FROM * 3);

        byte[] middle = new AuthEnvelopeSealer().seal(CONTENT, certs(bureaus));

        for (TestPki.Issued bureau : bureaus) {
            assertThat(openAs(bureau, middle)).isEqualTo(CONTENT);
        }
        AuthEnvelopedData enveloped = AuthEnvelopedData.getInstance(ContentInfo.getInstance(middle).getContent());
        assertThat(enveloped.getRecipientInfos().size()).isEqualTo(1);
        KeyAgreeRecipientInfo kari = KeyAgreeRecipientInfo.getInstance(
                RecipientInfo.getInstance(enveloped.getRecipientInfos().getObjectAt(0)).getInfo());
        assertThat(kari.getRecipientEncryptedKeys().size()).isEqualTo(bureaus.size());
    }

    @Test
    void the_middle_layer_is_der_as_every_layer_of_the_wire_format() throws Exception {
        byte[] middle = new AuthEnvelopeSealer().seal(CONTENT, certs(bureaus(2)));

        assertThat(ASN1Primitive.fromByteArray(middle).getEncoded(ASN1Encoding.DER)).isEqualTo(middle);
    }

    @Test
    void a_200_kb_content_decrypts_whole_through_the_jdk_gcm() throws Exception {
        TestPki.Issued bureau = bureaus(1).get(0);
        byte[] photo = new byte[200 * 1024];
        new java.util.Random(7).nextBytes(photo);

        assertThat(openAs(bureau, new AuthEnvelopeSealer().seal(photo, certs(List.of(bureau))))).isEqualTo(photo);
    }

    @Test
    void a_flipped_byte_in_the_gcm_tag_fails_decryption() throws Exception {
        TestPki.Issued bureau = bureaus(1).get(0);
        byte[] middle = new AuthEnvelopeSealer().seal(CONTENT, certs(List.of(bureau)));
        byte[] tag = AuthEnvelopedData.getInstance(ContentInfo.getInstance(middle).getContent()).getMac().getOctets();

        byte[] tampered = Layers.flipWithin(middle, tag);

        assertThatThrownBy(() -> openAs(bureau, tampered)).isInstanceOf(LayerException.class)
                .hasMessageContaining("cannot decrypt");
    }

    @Test
    void each_message_gets_its_own_96_bit_nonce_and_a_128_bit_tag() throws Exception {
        List<X509Certificate> recipients = certs(bureaus(1));
        AuthEnvelopeSealer sealer = new AuthEnvelopeSealer();

        GCMParameters first = gcmParameters(sealer.seal(CONTENT, recipients));
        GCMParameters second = gcmParameters(sealer.seal(CONTENT, recipients));

        assertThat(first.getNonce()).hasSize(12).isNotEqualTo(second.getNonce());
        assertThat(first.getIcvLen()).isEqualTo(16);
        assertThat(second.getIcvLen()).isEqualTo(16);
    }

    private static GCMParameters gcmParameters(byte[] middle) {
        AlgorithmIdentifier algorithm = AuthEnvelopedData.getInstance(ContentInfo.getInstance(middle).getContent())
                .getAuthEncryptedContentInfo().getContentEncryptionAlgorithm();
        assertThat(algorithm.getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_aes256_GCM);
        return GCMParameters.getInstance(algorithm.getParameters());
    }

    @Test
    void a_second_message_to_the_same_recipients_draws_on_the_cache_and_still_decrypts() throws Exception {
        List<TestPki.Issued> bureaus = bureaus(SharedEphemeralKeyAgreement.PARALLEL_FROM + 1);
        AuthEnvelopeSealer sealer = new AuthEnvelopeSealer();

        byte[] first = sealer.seal(CONTENT, certs(bureaus));
        byte[] second = sealer.seal(CONTENT, certs(bureaus));

        assertThat(sealer.cachedRecipients()).isEqualTo(bureaus.size());
        assertThat(second).isNotEqualTo(first);
        assertThat(openAs(bureaus.get(bureaus.size() - 1), second)).isEqualTo(CONTENT);
    }

    @Test
    void the_recipient_cache_stays_within_its_capacity_and_evicted_recipients_still_decrypt() throws Exception {
        List<TestPki.Issued> bureaus = bureaus(10);
        AuthEnvelopeSealer sealer = new AuthEnvelopeSealer(4);

        byte[] middle = sealer.seal(CONTENT, certs(bureaus));
        byte[] again = sealer.seal(CONTENT, certs(bureaus));

        assertThat(sealer.cachedRecipients()).isEqualTo(4);
        assertThat(openAs(bureaus.get(0), middle)).isEqualTo(CONTENT);
        assertThat(openAs(bureaus.get(0), again)).isEqualTo(CONTENT);
    }

    @Test
    void a_renewed_encryption_certificate_is_sealed_for_with_its_new_key_not_the_cached_old_one() throws Exception {
        TestPki.Issued old = pki.issue("BE", KeyPurpose.ENCRYPTION);
        TestPki.Issued renewed = pki.issue("BE", KeyPurpose.ENCRYPTION);
        AuthEnvelopeSealer sealer = new AuthEnvelopeSealer();
        sealer.seal(CONTENT, List.of(old.certificate()));

        byte[] middle = sealer.seal(CONTENT, List.of(renewed.certificate()));

        assertThat(openAs(renewed, middle)).isEqualTo(CONTENT);
        assertThatThrownBy(() -> openAs(old, middle)).isInstanceOf(LayerException.class);
    }
}
