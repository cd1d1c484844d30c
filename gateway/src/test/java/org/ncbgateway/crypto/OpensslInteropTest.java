package org.ncbgateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.pki.NodeCredentials;
import org.ncbgateway.testing.Openssl;

/**
 * OpenSSL as the outside judge: it verifies and decrypts every layer the gateway seals with only the
 * federation root as trust anchor, and the gateway opens messages whose every layer OpenSSL built.
 */
class OpensslInteropTest {

    private final SealFixture f = SealFixture.get();

    @TempDir
    Path dir;

    @Test
    void openssl_verifies_both_signed_layers_and_decrypts_the_middle_for_an_ec_recipient() throws Exception {
        byte[] payload = SealFixture.diffusion("FR");
        MessageHeader header = f.header(MessageKind.DIFFUSION, "FR", "BE", "NL", "DE");
        Path wire = write("msg.der", new MessageSealer(f.node("FR"))
                .seal(header, payload, f.encryptionCerts("BE", "NL", "DE")));

        Path outerJson = dir.resolve("outer.json");
        verify(wire, outerJson);
        assertThat(Files.readString(outerJson)).startsWith("{\"header\":{\"messageId\":\"" + header.messageId());

        Path middle = write("middle.der", OuterDocument.parse(Files.readAllBytes(outerJson)).middle());
        Path inner = dir.resolve("inner.der");
        decrypt(middle, f.node("NL"), inner);
        Path payloadOut = dir.resolve("payload.json");
        verify(inner, payloadOut);
        assertThat(Files.readAllBytes(payloadOut)).isEqualTo(payload);
    }

    @Test
    void openssl_decrypts_the_middle_for_an_rsa_oaep_recipient() throws Exception {
        byte[] payload = SealFixture.diffusion("FR");
        byte[] middle = Layers.enveloped(Layers.signed(f.node("FR"), payload), f.encryptionCerts("BE", "DE"));
        Path inner = dir.resolve("inner.der");

        decrypt(write("middle.der", middle), f.node("DE"), inner);

        Path payloadOut = dir.resolve("payload.json");
        verify(inner, payloadOut);
        assertThat(Files.readAllBytes(payloadOut)).isEqualTo(payload);
    }

    @Test
    void the_gateway_opens_a_message_whose_layers_openssl_built_for_an_ec_recipient() throws Exception {
        MessageHeader header = f.header(MessageKind.DIFFUSION, "FR", "BE");
        byte[] wire = opensslSealed(f.node("FR"), header, SealFixture.diffusion("FR"), f.node("BE"));

        assertThat(f.opener("BE").open(wire).innerSignerCode()).isEqualTo("FR");
    }

    @Test
    void the_gateway_opens_a_message_openssl_signed_with_pss_and_encrypted_with_oaep() throws Exception {
        MessageHeader header = f.header(MessageKind.DIFFUSION, "DE", "DE");
        NodeCredentials de = f.node("DE");
        byte[] wire = opensslSealed(de, header, SealFixture.diffusion("DE"), de);

        assertThat(f.opener("DE").open(wire).innerSignerCode()).isEqualTo("DE");
    }

    @Test
    void the_gateway_also_opens_openssl_s_default_sha1_kdf_for_ecdh_since_the_message_names_its_kdf() throws Exception {
        MessageHeader header = f.header(MessageKind.DIFFUSION, "FR", "BE");
        Path inner = dir.resolve("inner.der");
        sign(write("payload.json", SealFixture.diffusion("FR")), f.node("FR"), inner);
        Path middle = dir.resolve("middle.der");
        run("cms", "-encrypt", "-binary", "-aes-256-gcm", "-in", inner.toString(), "-outform", "DER",
                "-out", middle.toString(), "-recip", pem("enc-cert.pem", f.node("BE").encryptionCert()).toString());
        Path wire = dir.resolve("msg.der");
        sign(write("outer.json", OuterDocument.of(header, Files.readAllBytes(middle)).toJson()), f.node("FR"), wire);

        assertThat(f.opener("BE").open(Files.readAllBytes(wire)).payload()).isEqualTo(SealFixture.diffusion("FR"));
    }

    @Test
    void openssl_puts_aes_gcm_only_in_auth_enveloped_data_never_in_a_plain_encrypted_content_info() {
        Path inner = write("inner.der", Layers.signed(f.node("FR"), SealFixture.diffusion("FR")));
        Openssl.Result gcm = Openssl.run("cms", "-EncryptedData_encrypt", "-aes-256-gcm", "-binary",
                "-in", inner.toString(), "-secretkey", "00".repeat(32), "-outform", "DER",
                "-out", dir.resolve("gcm.der").toString());
        Openssl.Result cbc = Openssl.run("cms", "-EncryptedData_encrypt", "-aes-256-cbc", "-binary",
                "-in", inner.toString(), "-secretkey", "00".repeat(32), "-outform", "DER",
                "-out", dir.resolve("cbc.der").toString());
        assertThat(gcm.succeeded()).isFalse();
        assertThat(gcm.output()).contains("unsupported content encryption algorithm");
        assertThat(cbc.succeeded()).as(cbc.output()).isTrue();
    }

    /** inner: cms -sign; middle: cms -encrypt -aes-256-gcm (AuthEnvelopedData); outer: cms -sign over {header, payload}. */
    private byte[] opensslSealed(NodeCredentials sender, MessageHeader header, byte[] payload, NodeCredentials recipient)
            throws IOException {
        Path inner = dir.resolve("inner.der");
        sign(write("payload.json", payload), sender, inner);
        Path middle = dir.resolve("middle.der");
        encrypt(inner, recipient.encryptionCert(), middle);
        Path outerJson = write("outer.json", OuterDocument.of(header, Files.readAllBytes(middle)).toJson());
        Path wire = dir.resolve("msg.der");
        sign(outerJson, sender, wire);
        return Files.readAllBytes(wire);
    }

    private void verify(Path in, Path out) {
        run("cms", "-verify", "-binary", "-inform", "DER", "-in", in.toString(), "-CAfile", root().toString(),
                "-out", out.toString());
    }

    private void decrypt(Path in, NodeCredentials recipient, Path out) {
        run("cms", "-decrypt", "-binary", "-inform", "DER", "-in", in.toString(),
                "-recip", pem("recip-cert.pem", recipient.encryptionCert()).toString(),
                "-inkey", pem("recip-key.pem", recipient.encryptionKey()).toString(), "-out", out.toString());
    }

    private void sign(Path in, NodeCredentials signer, Path out) {
        List<String> args = new ArrayList<>(List.of("cms", "-sign", "-binary", "-nodetach", "-md", "sha256",
                "-in", in.toString(), "-outform", "DER", "-out", out.toString(),
                "-signer", pem("signer-cert.pem", signer.signingCert()).toString(),
                "-inkey", pem("signer-key.pem", signer.signingKey()).toString()));
        if ("RSA".equals(signer.signingKey().getAlgorithm())) {
            args.addAll(List.of("-keyopt", "rsa_padding_mode:pss", "-keyopt", "rsa_pss_saltlen:digest"));
        }
        run(args.toArray(String[]::new));
    }

    private void encrypt(Path in, X509Certificate recipient, Path out) {
        List<String> args = new ArrayList<>(List.of("cms", "-encrypt", "-binary", "-aes-256-gcm",
                "-in", in.toString(), "-outform", "DER", "-out", out.toString(),
                "-recip", pem("enc-cert.pem", recipient).toString()));
        if ("RSA".equals(recipient.getPublicKey().getAlgorithm())) {
            args.addAll(List.of("-keyopt", "rsa_padding_mode:oaep", "-keyopt", "rsa_oaep_md:sha256",
                    "-keyopt", "rsa_mgf1_md:sha256"));
        } else {
            args.addAll(List.of("-keyopt", "ecdh_kdf_md:sha256"));
        }
        run(args.toArray(String[]::new));
    }

    private static void run(String... args) {
        Openssl.Result result = Openssl.run(args);
        assertThat(result.succeeded()).as("openssl " + String.join(" ", args) + "\n" + result.output()).isTrue();
    }

    private Path root() {
        return pem("root.pem", f.root());
    }

    private Path pem(String name, Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object instanceof PrivateKey key
                    ? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null) : object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return write(name, text.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
