package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.testing.ExampleFederation;
import org.ncbgateway.testing.PeerClients;

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
            byte[] signed = DirectoryUpdateFixtures.signedDirectory(federationDir, version + 1);

            DirectoryUpdateFixtures.sendUpdate(PeerClients.as("GS",
                    federation.config("HUB-EUROPE").brokerListen().orElseThrow()), signed, version + 1,
                    "HUB-EUROPE", "DE");

            await().atMost(Duration.ofSeconds(60)).until(() -> hub.machinery().directory().version() == version + 1);
            assertThat(hub.machinery().liveDirectory().directory().version()).isEqualTo(version + 1);
            assertThat(Files.readAllBytes(federation.config("HUB-EUROPE").dataDir().resolve("directory")
                    .resolve("current.p7s"))).isEqualTo(signed);
        }
    }
}
