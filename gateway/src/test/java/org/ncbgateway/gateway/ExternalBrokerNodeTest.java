package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.testing.ExampleFederation;
import org.ncbgateway.testing.StandaloneArtemis;
import org.ncbgateway.transport.Endpoint;
import org.ncbgateway.transport.TlsMaterial;

/**
 * Node FR configured with {@code broker.url} runs on a standalone broker of the Apache Artemis distribution
 * (the example configuration of {@code transport/standalone/}, started by the test); node DE on its
 * embedded broker. The standalone broker's bridge carries FR's sealed message to DE, DE's bridge carries
 * the signed receipt back into the standalone broker's inbox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExternalBrokerNodeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private LocalFederation federation;
    private StandaloneArtemis frBroker;

    @BeforeAll
    void start_FR_on_standalone_Artemis_and_DE_embedded(@TempDir Path work) throws Exception {
        Path home = StandaloneArtemis.home().orElseThrow(() -> new IllegalStateException("Apache Artemis distribution"
                + " not unpacked into target/ (mvn generate-test-resources unpacks apache-artemis:bin:tar.gz)"));
        federation = LocalFederation.prepare(ExampleFederation.dir(), work, List.of("FR", "DE"), Clock.systemUTC());
        Endpoint frAcceptor = federation.config("FR").brokerListen().orElseThrow();
        Endpoint deAcceptor = federation.config("DE").brokerListen().orElseThrow();
        useExternalBroker(federation.configFile("FR"), frAcceptor);

        frBroker = StandaloneArtemis.create(home, work.resolve("fr-artemis"));
        frBroker.startAsNode("FR", frAcceptor, new TlsMaterial(ExampleFederation.tlsKeyStore("FR"),
                () -> ExampleFederation.password("FR"), ExampleFederation.trustStore(),
                ExampleFederation::trustStorePassword), deAcceptor);
        federation.startAll();
    }

    /** DE's peer endpoint for FR stays the port LocalFederation chose, which the standalone broker now listens on. */
    private static void useExternalBroker(Path configFile, Endpoint broker) throws Exception {
        List<String> lines = Files.readAllLines(configFile, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("broker.listen=")).toList();
        Files.write(configFile, lines, StandardCharsets.UTF_8);
        Files.writeString(configFile, "broker.url=tcp://" + broker.host() + ":" + broker.port() + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (federation != null) {
                federation.close();
            }
        } finally {
            if (frBroker != null) {
                frBroker.close();
            }
        }
    }

    @Test
    void a_node_on_a_standalone_broker_exchanges_a_diffusion_and_its_receipt_with_an_embedded_node() throws Exception {
        assertThat(federation.node("FR").broker()).as("FR must not embed a broker").isNull();
        assertThat(federation.config("FR").externalBrokerUrl()).isPresent();
        Submission diffusion = GatewayFixtures.diffusionDeliveredFromFrToDe(federation, PATIENCE);
        assertThat(federation.node("FR").machinery().status().find(diffusion.messageId()).orElseThrow().recipients())
                .singleElement().satisfies(de -> {
                    assertThat(de.recipient()).isEqualTo("DE");
                    assertThat(de.state()).isEqualTo(RecipientState.DELIVERED);
                });
    }
}
