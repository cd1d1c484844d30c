package org.ncbgateway.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on loopback between a bridge and its peer's acceptor (TLS passes through it untouched), which a
 * test can make fail the way a network or a stopping peer does: {@link #muteAnswers()} stops passing what the
 * peer sends back (a send reaches the peer, its confirmation never comes back), {@link #cut()} closes every
 * connection and hangs up on new ones.
 */
final class PeerLink implements AutoCloseable {

    private final ServerSocket listener;
    private final Endpoint peer;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean answersMuted;
    private boolean cut;
    private int refusedSinceCut;

    private PeerLink(ServerSocket listener, Endpoint peer) {
        this.listener = listener;
        this.peer = peer;
    }

    static PeerLink to(Endpoint peer) throws IOException {
        PeerLink link = new PeerLink(new ServerSocket(0, 50, InetAddress.getByName(TestNodes.LOOPBACK)), peer);
        daemon("peer-link-accept", link::acceptEach);
        return link;
    }

    /** Where the bridge connects instead of the peer. */
    Endpoint endpoint() {
        return Endpoint.parse(TestNodes.LOOPBACK + ":" + listener.getLocalPort());
    }

    void muteAnswers() {
        answersMuted = true;
    }

    synchronized void cut() {
        cut = true;
        sockets.forEach(PeerLink::closeQuietly);
    }

    /** Connections hung up on since {@link #cut()}: the bridge has seen the link drop and tries again. */
    synchronized int refusedSinceCut() {
        return refusedSinceCut;
    }

    private void acceptEach() {
        while (!listener.isClosed()) {
            try {
                relay(listener.accept());
            } catch (IOException e) {
                // the listener closed, or the peer refused: the bridge sees a failed connection and retries
            }
        }
    }

    /** Under the link's lock, so that a connection is either cut with the others or opened after none. */
    private synchronized void relay(Socket client) throws IOException {
        if (cut) {
            refusedSinceCut++;
            client.close();
            return;
        }
        Socket server = new Socket(peer.host(), peer.port());
        sockets.add(client);
        sockets.add(server);
        daemon("peer-link-out", () -> pump(client, server, false));
        daemon("peer-link-back", () -> pump(server, client, true));
    }

    private void pump(Socket from, Socket to, boolean answers) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (!(answers && answersMuted)) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // one side closed: close the other too, as a dropped connection does
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        listener.close();
    }
}
