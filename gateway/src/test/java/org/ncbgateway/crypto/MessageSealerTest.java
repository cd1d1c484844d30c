package org.ncbgateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.KeyAgreeRecipientInfo;
import org.bouncycastle.asn1.cms.KeyTransRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.cms.CMSAlgorithm;
import org.junit.jupiter.api.Test;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;

class MessageSealerTest {

    private final SealFixture f = SealFixture.get();

    @Test
    void an_ec_bureau_opens_a_diffusion_sealed_for_it() throws Exception {
        MessageHeader header = f.header(MessageKind.DIFFUSION, "FR", "BE");
        byte[] wire = new MessageSealer(f.node("FR")).seal(header, SealFixture.diffusion("FR"), f.encryptionCerts("BE"));

        OpenedMessage opened = f.opener("BE").open(wire);

        assertThat(opened.header()).isEqualTo(header);
        assertThat(new String(opened.payload(), StandardCharsets.UTF_8)).contains("\"bureau\":\"FR\"");
        assertThat(opened.innerSignerCode()).isEqualTo("FR");
        assertThat(opened.outerSigner()).isEqualTo(f.node("FR").signingCert());
    }

    @Test
    void every_recipient_of_a_mixed_ec_and_rsa_message_opens_the_same_ciphertext() throws Exception {
        MessageHeader header = f.header(MessageKind.DIFFUSION, "FR", "BE", "NL", "DE");
        byte[] wire = new MessageSealer(f.node("FR"))
                .seal(header, SealFixture.diffusion("FR"), f.encryptionCerts("BE", "NL", "DE"));

        for (String bureau : new String[] {"BE", "NL", "DE"}) {
            assertThat(f.opener(bureau).open(wire).payload()).isEqualTo(SealFixture.diffusion("FR"));
        }
    }

    @Test
    void an_rsa_bureau_seals_with_pss_and_an_ec_bureau_opens() throws Exception {
        MessageHeader header = f.header(MessageKind.DIFFUSION, "DE", "FR");
        byte[] wire = new MessageSealer(f.node("DE")).seal(header, SealFixture.diffusion("DE"), f.encryptionCerts("FR"));

        assertThat(f.opener("FR").open(wire).innerSignerCode()).isEqualTo("DE");
    }

    @Test
    void ec_recipients_share_one_key_agreement_info_and_rsa_ones_get_oaep() throws Exception {
        MessageHeader header = f.header(MessageKind.DIFFUSION, "FR", "BE", "NL", "DE");
        byte[] wire = new MessageSealer(f.node("FR"))
                .seal(header, SealFixture.diffusion("FR"), f.encryptionCerts("BE", "NL", "DE"));

        AuthEnvelopedData middle = AuthEnvelopedData.getInstance(
                ContentInfo.getInstance(new OuterVerifier(f.trust, f.clock).verify(wire).middle()).getContent());
        assertThat(middle.getAuthEncryptedContentInfo().getContentEncryptionAlgorithm().getAlgorithm())
                .isEqualTo(CMSAlgorithm.AES256_GCM);
        List<ASN1Encodable> infos = Arrays.stream(middle.getRecipientInfos().toArray())
                .map(ri -> RecipientInfo.getInstance(ri).getInfo()).toList();
        assertThat(infos).hasSize(2);
        KeyAgreeRecipientInfo kari = infos.stream().filter(KeyAgreeRecipientInfo.class::isInstance)
                .map(KeyAgreeRecipientInfo.class::cast).findFirst().orElseThrow();
        assertThat(kari.getKeyEncryptionAlgorithm().getAlgorithm()).isEqualTo(CMSAlgorithm.ECDH_SHA256KDF);
        assertThat(kari.getRecipientEncryptedKeys().size()).isEqualTo(2);
        KeyTransRecipientInfo ktri = infos.stream().filter(KeyTransRecipientInfo.class::isInstance)
                .map(KeyTransRecipientInfo.class::cast).findFirst().orElseThrow();
        assertThat(ktri.getKeyEncryptionAlgorithm().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_RSAES_OAEP);
    }

    @Test
    void the_outer_content_is_the_header_and_the_base64_middle_as_json() throws Exception {
        MessageHeader header = f.header(MessageKind.DIFFUSION, "FR", "BE");
        byte[] wire = new MessageSealer(f.node("FR")).seal(header, SealFixture.diffusion("FR"), f.encryptionCerts("BE"));

        VerifiedOuter outer = new OuterVerifier(f.trust, f.clock).verify(wire);
        byte[] json = (byte[]) new org.bouncycastle.cms.CMSSignedData(wire).getSignedContent().getContent();
        assertThat(new String(json, StandardCharsets.UTF_8))
                .startsWith("{\"header\":{\"messageId\":\"" + header.messageId() + "\",\"kind\":\"diffusion\"")
                .contains("\"payload\":\"" + Base64.getEncoder().encodeToString(outer.middle()) + "\"");
    }
}
