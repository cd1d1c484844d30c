package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.ConnectionFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.crypto.MessageSealer;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryBuilder;
import org.ncbgateway.directory.DirectoryCodec;
import org.ncbgateway.directory.DirectorySigner;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.Priority;
import org.ncbgateway.pki.FederationLayout;
import org.ncbgateway.pki.KeyPurpose;
import org.ncbgateway.testing.ExampleFederation;
import org.ncbgateway.testing.PeerClients;
import org.ncbgateway.transport.Addresses;

/**
 * A running hub (HUB-EUROPE, on a copy of the example federation) that relays a {@code directory-update}
 * from GS also opens it with its own keys and puts the new directory in force without restart.
 */
class HubDirectoryUpdateTest {

    @Test
    void a_hub_puts_a_relayed_directory_update_in_force_itself(@TempDir Path work) throws Exception {
        Path federationDir = ExampleFederation.copyTo(work.resolve("federation"));
        try (LocalFederation federation = LocalFederation.prepare(federationDir, work, List.of("HUB-EUROPE"),
                Clock.systemUTC())) {
            GatewayNode hub = federation.start("HUB-EUROPE");
            long version = hub.machinery().directory().version();
            Directory next = DirectoryBuilder.build(new FederationLayout(federationDir), OptionalLong.of(version + 1),
                    Duration.ofDays(30), Instant.now());
            byte[] signed = DirectorySigner.sign(DirectoryCodec.encode(next), ExampleFederation.rootAuthority());

            ConnectionFactory asGS = PeerClients.as("GS", federation.config("HUB-EUROPE").brokerListen().orElseThrow());
            UUID id = UUID.randomUUID();
            Instant now = Instant.now();
            MessageHeader header = new MessageHeader(id, MessageKind.DIRECTORY_UPDATE, "GS", List.of("all"),
                    List.of(), now, now.plus(1, ChronoUnit.DAYS), null, Priority.URGENT);
            byte[] payload = DirectoryUpdatePayload.of("GS-2026-000001", now, version + 1, signed);
            byte[] wire = new MessageSealer(ExampleFederation.credentials("GS")).seal(header, payload,
                    List.of(ExampleFederation.certificate("HUB-EUROPE", KeyPurpose.ENCRYPTION),
                            ExampleFederation.certificate("DE", KeyPurpose.ENCRYPTION)));
            PeerClients.send(asGS, Addresses.IN, wire, id.toString());

            await().atMost(Duration.ofSeconds(60)).until(() -> hub.machinery().directory().version() == version + 1);
            assertThat(hub.machinery().liveDirectory().directory().version()).isEqualTo(version + 1);
            assertThat(Files.readAllBytes(federation.config("HUB-EUROPE").dataDir().resolve("directory")
                    .resolve("current.p7s"))).isEqualTo(signed);
        }
    }
}
