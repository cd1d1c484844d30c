package org.ncbgateway.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EndpointTest {

    private static final TlsMaterial TLS = TestNodes.exampleTls("FR");

    @Test
    void parses_host_port_and_bracketed_ipv6() {
        assertThat(Endpoint.parse("de.example:61617")).isEqualTo(new Endpoint("de.example", 61617));
        assertThat(Endpoint.parse("[::1]:61617")).isEqualTo(new Endpoint("::1", 61617));
        assertThat(new Endpoint("::1", 61617)).hasToString("[::1]:61617");
    }

    @Test
    void rejects_an_endpoint_without_a_usable_port() {
        assertThatThrownBy(() -> Endpoint.parse("de.example")).hasMessageContaining("'de.example' is not host:port");
        assertThatThrownBy(() -> Endpoint.parse("de.example:http")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> Endpoint.parse("de.example:70000")).hasMessageContaining("outside 1..65535");
    }

    @Test
    void reads_an_external_broker_or_cluster_url() {
        assertThat(ExternalBrokerSettings.parse("tcp://b1:61617", TLS).endpoints())
                .containsExactly(new Endpoint("b1", 61617));
        assertThat(ExternalBrokerSettings.parse("(tcp://b1:61617, b2:61618)", TLS).endpoints())
                .containsExactly(new Endpoint("b1", 61617), new Endpoint("b2", 61618));
    }

    @Test
    void refuses_tls_options_in_an_external_broker_url() {
        assertThatThrownBy(() -> ExternalBrokerSettings.parse("tcp://b1:61617?sslEnabled=true;keyStorePassword=x", TLS))
                .hasMessageContaining("without options");
    }

    @Test
    void refuses_a_next_hop_that_is_not_a_node_code() {
        assertThatThrownBy(() -> Addresses.out("ncb.in")).hasMessageContaining("not a node code: 'ncb.in'");
        assertThat(Addresses.out("HUB-MIDDLE-EAST")).isEqualTo("ncb.out.HUB-MIDDLE-EAST");
        assertThat(Addresses.hopOf("ncb.out.DE")).isEqualTo("DE");
        assertThat(Addresses.hopOf(Addresses.IN)).isNull();
    }
}
