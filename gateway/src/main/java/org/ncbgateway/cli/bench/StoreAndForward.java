package org.ncbgateway.cli.bench;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ncbgateway.pki.FederationLayout;
import org.ncbgateway.pki.NodeKeyStore;
import org.ncbgateway.pki.PasswordSource;
import org.ncbgateway.transport.Addresses;
import org.ncbgateway.transport.BrokerLimits;
import org.ncbgateway.transport.BrokerSettings;
import org.ncbgateway.transport.MessageProperties;
import org.ncbgateway.transport.NodeBroker;
import org.ncbgateway.transport.TlsMaterial;

/**
 * The broker alone: two node brokers of a federation folder on loopback, each with its TLS bridge to the other;
 * persistent messages sent into the first's {@code ncb.out.<SECOND>}, forwarded by its bridge, consumed from the
 * second's {@code ncb.in}; every send and every hop synced to disk, as in the gateway, with no gateway around.
 */
final class StoreAndForward implements AutoCloseable {

    private final String from;
    private final String to;
    private final NodeBroker sending;
    private final NodeBroker receiving;

    private StoreAndForward(String from, String to, NodeBroker sending, NodeBroker receiving) {
        this.from = from;
        this.to = to;
        this.sending = sending;
        this.receiving = receiving;
    }

    /** Starts the brokers of {@code from} and {@code to} with their data under {@code data}. */
    static StoreAndForward start(FederationLayout layout, String from, String to, Path data) throws Exception {
        NodeBroker sending = new NodeBroker(settings(layout, from, data));
        NodeBroker receiving = new NodeBroker(settings(layout, to, data));
        StoreAndForward pair = new StoreAndForward(from, to, sending, receiving);
        try {
            sending.start();
            receiving.start();
            sending.updateNextHops(Map.of(to, receiving.settings().acceptor()));
            receiving.updateNextHops(Map.of(from, sending.settings().acceptor()));
            return pair;
        } catch (Exception e) {
            pair.close();
            throw e;
        }
    }

    /** Seconds from the first send to the last of {@code count} messages of {@code size} bytes consumed at the next hop. */
    double seconds(int size, int count, int threads) throws Exception {
        byte[] body = new byte[size];
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        try (Connection connection = receiving.connectionFactory().createConnection();
             Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE)) {
            connection.start();
            MessageConsumer consumer = session.createConsumer(session.createQueue(Addresses.IN));
            long start = System.nanoTime();
            List<Future<?>> sent = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int share = count / threads + (t < count % threads ? 1 : 0);
                sent.add(senders.submit(() -> send(body, share)));
            }
            for (int received = 0; received < count; received++) {
                if (consumer.receive(60_000) == null) {
                    throw new IllegalStateException("only " + received + " of " + count + " messages arrived within a minute");
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            for (Future<?> f : sent) {
                f.get();
            }
            return seconds;
        } finally {
            senders.shutdownNow();
        }
    }

    private Void send(byte[] body, int n) throws Exception {
        try (Connection connection = sending.connectionFactory().createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = session.createProducer(session.createQueue(Addresses.out(to)));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int i = 0; i < n; i++) {
                producer.send(message(session, body));
            }
        }
        return null;
    }

    /** A message as the gateway puts it on a broker address: the bytes, a new message id, the same as duplicate id. */
    static BytesMessage message(Session session, byte[] body) throws JMSException {
        String id = UUID.randomUUID().toString();
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(body);
        message.setStringProperty(MessageProperties.MESSAGE_ID, id);
        message.setStringProperty(MessageProperties.DUPLICATE_ID, id);
        return message;
    }

    /** The node that sends, whose {@code ncb.in} the other's bridge delivers to. */
    String from() {
        return from;
    }

    String to() {
        return to;
    }

    NodeBroker sending() {
        return sending;
    }

    NodeBroker receiving() {
        return receiving;
    }

    private static BrokerSettings settings(FederationLayout layout, String code, Path data) throws Exception {
        Path node = layout.node(code);
        PasswordSource keystore = PasswordSource.file(node.resolve(PasswordSource.PASSWORD_FILE));
        PasswordSource truststore = PasswordSource.file(layout.trustStorePassword());
        TlsMaterial tls = new TlsMaterial(NodeKeyStore.tlsKeyStore(node), () -> password(keystore),
                layout.trustStore(), () -> password(truststore), layout.crl());
        return new BrokerSettings(code, data.resolve(code), "127.0.0.1", freePort(), tls, BrokerLimits.defaults());
    }

    private static char[] password(PasswordSource source) {
        try {
            return source.password();
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        sending.stop();
        receiving.stop();
    }
}
