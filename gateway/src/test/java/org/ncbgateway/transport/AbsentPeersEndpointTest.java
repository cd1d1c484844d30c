package org.ncbgateway.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class AbsentPeersEndpointTest {

    @Test
    void hangs_up_on_every_connection_at_once() throws IOException {
        try (AbsentPeersEndpoint endpoint = AbsentPeersEndpoint.open()) {
            for (int i = 0; i < 3; i++) {
                try (Socket socket = connect(endpoint)) {
                    socket.setSoTimeout(5_000);
                    assertThat(socket.getInputStream().read()).as("end of stream, not a read timeout").isEqualTo(-1);
                }
            }
        }
    }

    @Test
    void holds_its_port_while_open() throws IOException {
        try (AbsentPeersEndpoint endpoint = AbsentPeersEndpoint.open()) {
            assertThat(endpoint.hostPort()).matches("127\\.0\\.0\\.1:[0-9]+");
            int port = Integer.parseInt(endpoint.hostPort().split(":")[1]);
            assertThatThrownBy(() -> new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1")).close())
                    .isInstanceOf(BindException.class);
        }
    }

    private static Socket connect(AbsentPeersEndpoint endpoint) throws IOException {
        String[] hostPort = endpoint.hostPort().split(":");
        return new Socket(hostPort[0], Integer.parseInt(hostPort[1]));
    }
}
