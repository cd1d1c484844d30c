package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        }
    }
}
