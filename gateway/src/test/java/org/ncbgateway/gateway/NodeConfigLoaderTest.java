package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.Priority;
import org.ncbgateway.testing.ExampleFederation;
import org.ncbgateway.transport.Endpoint;

class NodeConfigLoaderTest {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("node.properties");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void resolves_relative_paths_against_the_file_and_derives_defaults() throws IOException {
        Path file = write("""
                node.code=FR
                federation.dir=../federation
                data.dir=data
                broker.listen=127.0.0.1:61617
                peer.DE.endpoint=127.0.0.1:61618
                """);

        NodeConfig config = NodeConfigLoader.load(file, Map.of());

        Path federation = dir.getParent().resolve("federation");
        assertThat(config.nodeCode()).isEqualTo("FR");
        assertThat(config.keystoreDir()).isEqualTo(federation.resolve("nodes/FR"));
        assertThat(config.signingKeystore()).isEqualTo(federation.resolve("nodes/FR/signing.p12"));
        assertThat(config.passwordFile()).isEqualTo(federation.resolve("nodes/FR/password"));
        assertThat(config.directoryFile()).isEqualTo(federation.resolve("directory.p7s"));
        assertThat(config.dropDir()).isEqualTo(dir.resolve("data/drop"));
        assertThat(config.deliveryDir()).isEqualTo(dir.resolve("data/delivery"));
        assertThat(config.brokerListen()).contains(new Endpoint("127.0.0.1", 61617));
        assertThat(config.externalBrokerUrl()).isEmpty();
        assertThat(config.peerEndpoints()).containsEntry("DE", new Endpoint("127.0.0.1", 61618));
        assertThat(config.messageExpiry()).isEqualTo(Duration.ofDays(7));
        assertThat(config.inboundConsumers()).isEqualTo(8);
    }

    @Test
    void reads_message_expiry_and_inbound_consumers_and_their_overrides() throws IOException {
        Path file = write("node.code=FR\nfederation.dir=f\ndata.dir=d\nbroker.listen=h:1\n"
                + "message.expiry=PT12H\ninbound.consumers=2\n");

        NodeConfig fromFile = NodeConfigLoader.load(file, Map.of());
        NodeConfig overridden = NodeConfigLoader.load(file, Map.of("NCB_MESSAGE_EXPIRY", "P2D",
                "NCB_INBOUND_CONSUMERS", "8"));

        assertThat(fromFile.messageExpiry()).isEqualTo(Duration.ofHours(12));
        assertThat(fromFile.inboundConsumers()).isEqualTo(2);
        assertThat(overridden.messageExpiry()).isEqualTo(Duration.ofDays(2));
        assertThat(overridden.inboundConsumers()).isEqualTo(8);
        assertThat(GatewayNode.properties(overridden)).containsEntry("ncb.inbound.consumers", "8");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "message.expiry=7d          | message.expiry: '7d' is not an ISO-8601 duration such as P7D",
        "message.expiry=PT30S       | message.expiry: PT30S is outside PT1M .. 365 days",
        "message.expiry=P400D       | message.expiry: P400D is outside PT1M .. 365 days",
        "message.expiry=-P1D        | message.expiry: -P1D is outside PT1M .. 365 days",
        "inbound.consumers=four     | inbound.consumers: 'four' is not a whole number",
        "inbound.consumers=0        | inbound.consumers: 0 is outside 1 .. 64: at least one consumer",
        "inbound.consumers=65       | inbound.consumers: 65 is outside 1 .. 64",
    })
    void names_the_file_key_and_reason_of_a_bad_value(String line, String reason) throws IOException {
        Path file = write("node.code=FR\nfederation.dir=f\ndata.dir=d\nbroker.listen=h:1\n" + line + "\n");

        assertThatThrownBy(() -> NodeConfigLoader.load(file, Map.of()))
                .isInstanceOf(NodeConfigException.class)
                .hasMessageStartingWith(file + ": ").hasMessageContaining(reason);
    }

    @Test
    void names_the_variable_of_a_bad_override() throws IOException {
        Path file = write("node.code=FR\nfederation.dir=f\ndata.dir=d\nbroker.listen=h:1\n");

        assertThatThrownBy(() -> NodeConfigLoader.load(file, Map.of("NCB_INBOUND_CONSUMERS", "-1")))
                .isInstanceOf(NodeConfigException.class)
                .hasMessageStartingWith("NCB_INBOUND_CONSUMERS (inbound.consumers): -1 is outside 1 .. 64");
    }

    @Test
    void a_sent_message_expires_after_the_configured_expiry() throws Exception {
        Path file = write("node.code=FR\nfederation.dir=" + ExampleFederation.dir().toString()
                .replace('\\', '/') + "\ndata.dir=data\nbroker.listen=127.0.0.1:1\nmessage.expiry=PT90M\n");
        Submission diffusion = SubmissionFile.readPayload(GatewayFixtures.validDiffusion(), "diffusion",
                UUID.randomUUID(), List.of("DE"), List.of(), Priority.NORMAL, Optional.empty());

        try (NodeMachinery fr = NodeMachinery.open(NodeConfigLoader.load(file, Map.of()), Clock.systemUTC())) {
            MessageHeader header = ((Outbound) fr.beans().get("outbound")).seal(diffusion).header();

            assertThat(Duration.between(header.sentAt(), header.expiresAt())).isEqualTo(Duration.ofMinutes(90));
        }
    }

    @Test
    void environment_overrides_the_file() throws IOException {
        Path file = write("node.code=FR\nfederation.dir=f\ndata.dir=data\nbroker.listen=127.0.0.1:1\n");

        NodeConfig config = NodeConfigLoader.load(file, Map.of("NCB_DATA_DIR", "/srv/ncb", "NCB_BROKER_LISTEN",
                "0.0.0.0:5671", "NCB_BROKER_URL", "tcp://broker:61616"));

        assertThat(config.dataDir()).isEqualTo(Path.of("/srv/ncb"));
        assertThat(config.brokerListen().orElseThrow().port()).isEqualTo(5671);
        assertThat(config.externalBrokerUrl()).contains("tcp://broker:61616");
    }

    @Test
    void refuses_an_unknown_key_naming_file_and_key() throws IOException {
        Path file = write("node.code=FR\nfederation.dir=f\ndata.dir=d\nbroker.listen=h:1\ndata.folder=x\n");

        assertThatThrownBy(() -> NodeConfigLoader.load(file, Map.of()))
                .isInstanceOf(NodeConfigException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("'data.folder'");
    }

    @Test
    void names_a_missing_required_key_and_its_variable() throws IOException {
        Path file = write("federation.dir=f\ndata.dir=d\nbroker.listen=h:1\n");

        assertThatThrownBy(() -> NodeConfigLoader.load(file, Map.of()))
                .hasMessageContaining("node.code is required").hasMessageContaining("NCB_NODE_CODE");
    }

    @Test
    void names_a_bad_endpoint() throws IOException {
        Path file = write("node.code=FR\nfederation.dir=f\ndata.dir=d\nbroker.listen=localhost\n");

        assertThatThrownBy(() -> NodeConfigLoader.load(file, Map.of()))
                .hasMessageContaining("broker.listen").hasMessageContaining("'localhost' is not host:port");
    }

    @Test
    void the_example_configurations_point_at_the_example_federation() {
        for (String code : java.util.List.of("FR", "DE", "BE")) {
            NodeConfig config = NodeConfigLoader.load(ExampleFederation.repositoryRoot()
                    .resolve("config-example").resolve(code + ".properties"), Map.of());

            assertThat(config.nodeCode()).isEqualTo(code);
            assertThat(config.signingKeystore()).isRegularFile();
            assertThat(config.passwordFile()).isRegularFile();
            assertThat(config.directoryFile()).isRegularFile();
            assertThat(config.truststore()).isRegularFile();
            assertThat(config.messageExpiry()).isEqualTo(Duration.ofDays(7));
        }
    }
}
