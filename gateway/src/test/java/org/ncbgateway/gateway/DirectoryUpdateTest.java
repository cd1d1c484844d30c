package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.crypto.MessageSealer;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryCodec;
import org.ncbgateway.directory.DirectorySigner;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.Priority;
import org.ncbgateway.message.ReasonCode;
import org.ncbgateway.pki.FederationTrust;
import org.ncbgateway.pki.KeyPurpose;
import org.ncbgateway.testing.ExampleFederation;
import org.ncbgateway.testing.PeerClients;
import org.ncbgateway.testing.TestPki;
import org.ncbgateway.transport.Addresses;
import org.ncbgateway.transport.MessageProperties;

/**
 * A running bureau (DE, on a copy of the example federation) applies a {@code directory-update} from
 * GS without restart: once the root has revoked FR's signing certificate and the update carries the
 * new CRL, FR's messages signed with it are refused {@code CERT_REVOKED}; an update carrying an older
 * directory, or one not signed by the root, is refused and DE keeps its directory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryUpdateTest {

    private static final long WAIT_MILLIS = 60_000;

    private Path federationDir;
    private LocalFederation federation;
    private GatewayNode de;
    private ConnectionFactory asFR;
    private ConnectionFactory asHub;

    @BeforeAll
    void start_DE(@TempDir Path work) throws Exception {
        federationDir = ExampleFederation.copyTo(work.resolve("federation"));
        federation = LocalFederation.prepare(federationDir, work, List.of("DE"), Clock.systemUTC());
        de = federation.start("DE");
        asFR = PeerClients.as("FR", federation.config("DE").brokerListen().orElseThrow());
        // GS's update reaches DE through DE's hub, as in the federation
        asHub = PeerClients.as("HUB-EUROPE", federation.config("DE").brokerListen().orElseThrow());
    }

    @AfterAll
    void stop() throws Exception {
        federation.close();
    }

    @Test
    void rejects_a_revoked_signer_once_the_directory_update_is_applied() throws Exception {
        UUID before = sendDiffusionFromFR();
        assertThat(receive(Addresses.DELIVER, MessageProperties.MESSAGE_ID, before)).isNotNull();

        long version = de.machinery().directory().version();
        byte[] revoking = revokeFrSigningAndSign(version + 1);
        sendUpdate(revoking, version + 1);
        await().atMost(Duration.ofMillis(WAIT_MILLIS))
                .until(() -> de.machinery().directory().version() == version + 1);
        assertThat(Files.readAllBytes(currentFile())).isEqualTo(revoking);

        UUID after = sendDiffusionFromFR();
        Message dead = receive(Addresses.DLQ, MessageProperties.DUPLICATE_ID, after);
        assertThat(dead.getStringProperty(MessageProperties.REASON_CODE)).isEqualTo(ReasonCode.CERT_REVOKED.name());
    }

    @Test
    void refuses_an_older_directory_or_one_not_signed_by_the_root_and_keeps_its_own() throws Exception {
        Directory inForce = de.machinery().directory();
        byte[] kept = Files.readAllBytes(currentFile());

        Directory notNewer = new Directory(inForce.version(), Instant.now().truncatedTo(ChronoUnit.SECONDS),
                inForce.validUntil(), inForce.nodes(), inForce.crl());
        UUID older = sendUpdate(DirectorySigner.sign(DirectoryCodec.encode(notNewer),
                ExampleFederation.rootAuthority()), notNewer.version());
        assertRefused(older, "NOT_NEWER");

        Directory forged = new Directory(inForce.version() + 10, inForce.issuedAt(), inForce.validUntil(),
                inForce.nodes(), inForce.crl());
        TestPki.Issued impostor = new TestPki().issue("GS", KeyPurpose.SIGNING);
        UUID notByRoot = sendUpdate(DirectorySigner.sign(DirectoryCodec.encode(forged), impostor.key(),
                impostor.certificate()), forged.version());
        assertRefused(notByRoot, "NOT_SIGNED_BY_ROOT");

        assertThat(de.machinery().directory()).isSameAs(inForce);
        assertThat(de.machinery().liveDirectory().trust().crl().getEncoded())
                .isEqualTo(FederationTrust.of(ExampleFederation.root(), inForce).crl().getEncoded());
        assertThat(Files.readAllBytes(currentFile())).isEqualTo(kept);
    }

    private Path currentFile() {
        return federation.config("DE").dataDir().resolve("directory").resolve("current.p7s");
    }

    private void assertRefused(UUID update, String reason) throws Exception {
        Message dead = receive(Addresses.DLQ, MessageProperties.DUPLICATE_ID, update);
        assertThat(dead.getStringProperty(MessageProperties.REASON_CODE)).isEqualTo(ReasonCode.SEMANTIC_INVALID.name());
        assertThat(dead.getStringProperty(MessageProperties.REASON_DETAIL)).contains("/directory", reason);
    }

    private byte[] revokeFrSigningAndSign(long version) throws Exception {
        return DirectoryUpdateFixtures.signedDirectory(federationDir, version,
                ExampleFederation.certificate("FR", KeyPurpose.SIGNING));
    }

    private UUID sendUpdate(byte[] signedDirectory, long version) throws Exception {
        return DirectoryUpdateFixtures.sendUpdate(asHub, signedDirectory, version, "DE");
    }

    private UUID sendDiffusionFromFR() throws Exception {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        MessageHeader header = new MessageHeader(id, MessageKind.DIFFUSION, "FR", List.of("DE"), List.of(), now,
                now.plus(1, ChronoUnit.DAYS), null, Priority.NORMAL);
        byte[] wire = new MessageSealer(ExampleFederation.credentials("FR")).seal(header,
                GatewayFixtures.validDiffusion(), List.of(ExampleFederation.certificate("DE", KeyPurpose.ENCRYPTION)));
        PeerClients.send(asFR, Addresses.IN, wire, id.toString());
        return id;
    }

    /** The message on {@code address} whose {@code property} is {@code id}, skipping others left by earlier steps. */
    private Message receive(String address, String property, UUID id) throws Exception {
        try (Connection connection = de.broker().connectionFactory().createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            MessageConsumer consumer = session.createConsumer(session.createQueue(address));
            while (true) {
                Message message = consumer.receive(WAIT_MILLIS);
                assertThat(message).as("message %s on %s", id, address).isNotNull();
                if (id.toString().equals(message.getStringProperty(property))) {
                    return message;
                }
            }
        }
    }
}
