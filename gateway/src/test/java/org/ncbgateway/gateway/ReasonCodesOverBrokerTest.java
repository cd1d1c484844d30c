package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ncbgateway.crypto.MessageOpener;
import org.ncbgateway.crypto.MessageSealer;
import org.ncbgateway.crypto.OpenedMessage;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.Priority;
import org.ncbgateway.message.ReasonCode;
import org.ncbgateway.notice.NoticeValidator;
import org.ncbgateway.pki.CertificateTemplate;
import org.ncbgateway.pki.KeyAlgorithm;
import org.ncbgateway.pki.KeyPurpose;
import org.ncbgateway.pki.NodeCredentials;
import org.ncbgateway.pki.NodeKeyStore;
import org.ncbgateway.pki.Validity;
import org.ncbgateway.testing.ExampleFederation;
import org.ncbgateway.testing.PeerClients;
import org.ncbgateway.testing.TestPki;
import org.ncbgateway.transport.Addresses;
import org.ncbgateway.transport.MessageProperties;

/**
 * Every reason code of SPEC section 7, on a running bureau (DE) fed by an outside client with FR's
 * TLS certificate: the message ends in ncb.dlq with the code, and exactly the codes after the sender's
 * authentication are answered with a signed {@code rejected} receipt to FR.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReasonCodesOverBrokerTest {

    private static final long WAIT_MILLIS = 60_000;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private LocalFederation federation;
    private GatewayNode de;
    private ConnectionFactory asFR;

    @BeforeAll
    void start_DE(@org.junit.jupiter.api.io.TempDir Path work) throws Exception {
        federation = LocalFederation.prepare(ExampleFederation.dir(), work, List.of("DE"), Clock.systemUTC());
        de = federation.start("DE");
        asFR = PeerClients.as("FR", federation.config("DE").brokerListen().orElseThrow());
    }

    @AfterAll
    void stop() throws Exception {
        federation.close();
    }

    @ParameterizedTest
    @EnumSource(ReasonCode.class)
    void each_refusal_is_kept_in_the_dead_letter_queue_and_answered_only_after_authentication(ReasonCode code)
            throws Exception {
        UUID messageId = UUID.randomUUID();
        PeerClients.send(asFR, Addresses.IN, craft(code, messageId), messageId.toString());

        Message dead = receive(Addresses.DLQ);
        assertThat(dead).as("%s in ncb.dlq", code).isNotNull();
        assertThat(dead.getStringProperty(MessageProperties.REASON_CODE)).isEqualTo(code.name());
        assertThat(dead.getStringProperty(MessageProperties.REASON_DETAIL)).isNotBlank();

        if (code.answeredWithReceipt()) {
            Message receipt = receive(Addresses.out("FR"));
            assertThat(receipt).as("receipt for %s", code).isNotNull();
            Receipts.Answer answer = Receipts.read(openAsFR(receipt).payload());
            assertThat(answer.forMessageId()).isEqualTo(messageId);
            assertThat(answer.outcome().state()).isEqualTo(RecipientState.REJECTED);
            assertThat(answer.outcome().code()).contains(code);
        } else {
            assertThat(de.broker().messageCount(Addresses.out("FR"))).as("no receipt for %s", code).isZero();
        }
    }

    private byte[] craft(ReasonCode code, UUID id) throws Exception {
        NodeCredentials fr = ExampleFederation.credentials("FR");
        byte[] diffusion = GatewayFixtures.validDiffusion();
        return switch (code) {
            case SIGNATURE_INVALID -> flipLastByte(seal(fr, header(id, MessageKind.DIFFUSION, "DE"), diffusion, "DE"));
            case CERT_UNTRUSTED -> seal(withSigner(fr, new TestPki().issue("FR", KeyPurpose.SIGNING)),
                    header(id, MessageKind.DIFFUSION, "DE"), diffusion, "DE");
            case CERT_REVOKED -> seal(withSigner(fr, supersededSigningKey("FR"),
                    ExampleFederation.supersededCertificate("FR", KeyPurpose.SIGNING)),
                    header(id, MessageKind.DIFFUSION, "DE"), diffusion, "DE");
            case CERT_EXPIRED -> seal(expiredSigner(fr), header(id, MessageKind.DIFFUSION, "DE"), diffusion, "DE");
            case SENDER_MISMATCH -> {
                NodeCredentials be = ExampleFederation.credentials("BE");
                yield seal(withSigner(fr, be.signingKey(), be.signingCert()), header(id, MessageKind.DIFFUSION, "DE"),
                        diffusion, "DE");
            }
            case NOT_ADDRESSED -> seal(fr, header(id, MessageKind.DIFFUSION, "BE"), diffusion, "BE");
            case EXPIRED -> seal(fr, new MessageHeader(id, MessageKind.DIFFUSION, "FR", List.of("DE"), List.of(),
                    now.minus(2, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS), null, Priority.NORMAL), diffusion, "DE");
            case DECRYPT_FAILED -> seal(fr, header(id, MessageKind.DIFFUSION, "DE"), diffusion, "BE");
            case INNER_SIGNATURE_INVALID -> seal(fr, header(id, MessageKind.DIFFUSION, "DE"),
                    edit(diffusion, "\"bureau\": \"FR\"", "\"bureau\": \"BE\""), "DE");
            case SCHEMA_INVALID -> seal(fr, header(id, MessageKind.DIFFUSION, "DE"),
                    edit(diffusion, "\"purpose\": \"wanted\",", ""), "DE");
            case SEMANTIC_INVALID -> seal(fr, header(id, MessageKind.DIFFUSION, "DE"),
                    edit(diffusion, "\"dateOfBirth\": \"1991-03-14\"", "\"dateOfBirth\": \"1991-02-30\""), "DE");
            case KIND_MISMATCH -> seal(fr, header(id, MessageKind.UPDATE, "DE"), diffusion, "DE");
        };
    }

    private MessageHeader header(UUID id, MessageKind kind, String to) {
        return new MessageHeader(id, kind, "FR", List.of(to), List.of(), now, now.plus(1, ChronoUnit.DAYS), null,
                Priority.NORMAL);
    }

    private static byte[] seal(NodeCredentials sender, MessageHeader header, byte[] payload, String encryptFor) {
        return new MessageSealer(sender).seal(header, payload,
                List.of(ExampleFederation.certificate(encryptFor, KeyPurpose.ENCRYPTION)));
    }

    private static NodeCredentials withSigner(NodeCredentials node, TestPki.Issued signer) {
        return withSigner(node, signer.key(), signer.certificate());
    }

    private static NodeCredentials withSigner(NodeCredentials node, PrivateKey key, X509Certificate cert) {
        return new NodeCredentials(node.code(), key, cert, node.encryptionKey(), node.encryptionCert());
    }

    /** A certificate for FR issued by the federation root whose validity ended yesterday. */
    private NodeCredentials expiredSigner(NodeCredentials fr) {
        KeyPair keys = KeyAlgorithm.EC_P256.generate();
        X509Certificate cert = ExampleFederation.rootAuthority().issue(CertificateTemplate.forPurpose("FR",
                KeyPurpose.SIGNING, keys.getPublic(), new Validity(now.minus(30, ChronoUnit.DAYS),
                        now.minus(1, ChronoUnit.DAYS)), List.of()));
        return withSigner(fr, keys.getPrivate(), cert);
    }

    private static PrivateKey supersededSigningKey(String code) throws Exception {
        try (Stream<Path> files = Files.walk(ExampleFederation.layout().superseded(code))) {
            Path folder = files.filter(p -> p.getFileName().toString().equals("signing.p12")).findFirst()
                    .orElseThrow().getParent();
            return NodeKeyStore.privateKey(folder, KeyPurpose.SIGNING, ExampleFederation.passwords(code));
        }
    }

    private static byte[] flipLastByte(byte[] wire) {
        byte[] copy = wire.clone();
        copy[copy.length - 1] ^= 0x01;
        return copy;
    }

    private static byte[] edit(byte[] payload, String from, String to) {
        String text = new String(payload, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        return text.replace(from, to).getBytes(StandardCharsets.UTF_8);
    }

    private Message receive(String address) throws Exception {
        return GatewayFixtures.receive(de, address, WAIT_MILLIS);
    }

    private static OpenedMessage openAsFR(Message receipt) throws Exception {
        BytesMessage bytes = (BytesMessage) receipt;
        byte[] wire = new byte[(int) bytes.getBodyLength()];
        bytes.readBytes(wire);
        return new MessageOpener(ExampleFederation.credentials("FR"), ExampleFederation.trust(), h -> true, id -> false,
                new NoticeValidator(), Clock.systemUTC()).open(wire);
    }
}
