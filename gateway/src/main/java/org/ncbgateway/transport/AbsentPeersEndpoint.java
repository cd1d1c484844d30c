package org.ncbgateway.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The loopback endpoint given to the peers of a directory that do not run (in a benchmark, in tests): it
 * accepts each connection and hangs up at once. Copies bound for those peers wait on their
 * {@code ncb.out.<HOP>}, the bridges retry with their back-off, and a node stops without waiting out a TLS
 * handshake that never ends. The socket stays bound while open, so no other process can take the port and
 * answer as one of those peers.
 */
public final class AbsentPeersEndpoint implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";

    private final ServerSocket socket;

    private AbsentPeersEndpoint(ServerSocket socket) {
        this.socket = socket;
    }

    public static AbsentPeersEndpoint open() throws IOException {
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName(LOOPBACK));
        Thread hangUp = new Thread(() -> hangUpOnEveryConnection(socket), "absent-peers-endpoint");
        hangUp.setDaemon(true);
        hangUp.start();
        return new AbsentPeersEndpoint(socket);
    }

    /** The endpoint as a directory or a node configuration names it: {@code host:port}. */
    public String hostPort() {
        return LOOPBACK + ":" + socket.getLocalPort();
    }

    private static void hangUpOnEveryConnection(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                socket.accept().close();
            } catch (IOException e) {
                // closed: the loop ends with the socket; otherwise a failed accept changes nothing
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
