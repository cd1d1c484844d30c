package org.ncbgateway.cli.bench;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ncb bench transport}: two node brokers on loopback (FR and DE of a federation folder), persistent
 * messages sent into FR's {@code ncb.out.DE}, forwarded by the TLS 1.3 bridge, consumed from DE's
 * {@code ncb.in}: messages per second end to end, every send and every hop synced to disk.
 */
@Command(name = "transport", mixinStandardHelpOptions = true,
        description = "Broker store-and-forward: persistent messages per second from one node's ncb.out.<HOP> "
                + "through the TLS bridge into the next hop's ncb.in (2 KB and 200 KB).")
public final class BenchTransportCommand implements Callable<Integer> {

    private static final String FROM = "FR";
    private static final String TO = "DE";

    @Option(names = "--federation", defaultValue = "certs-example", paramLabel = "DIR",
            description = "federation folder with the nodes' TLS keystores (default: ${DEFAULT-VALUE})")
    Path federation;

    @Option(names = "--count", defaultValue = "2000", description = "2 KB messages (default: ${DEFAULT-VALUE}); 200 KB: a tenth")
    int count;

    @Option(names = "--threads", defaultValue = "4", description = "sending threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (count < 1 || threads < 1) {
            throw new ParameterException(spec.commandLine(), "--count and --threads must be positive");
        }
        FederationLayout layout = new FederationLayout(federation);
        if (!Files.isDirectory(layout.node(FROM)) || !Files.isDirectory(layout.node(TO))) {
            throw new ParameterException(spec.commandLine(), "--federation " + federation + ": no nodes/" + FROM
                    + " and nodes/" + TO + " folders (run from the repository root, or name a federation folder)");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path data = Files.createTempDirectory("ncb-bench-transport");
        NodeBroker from = new NodeBroker(settings(layout, FROM, data));
        NodeBroker to = new NodeBroker(settings(layout, TO, data));
        try {
            from.start();
            to.start();
            from.updateNextHops(Map.of(TO, to.settings().acceptor()));
            out.printf("ncb bench transport: %s ncb.out.%s -> TLS 1.3 core bridge -> %s ncb.in, persistent, journal "
                    + "synced, %d sending thread(s), cores=%d%n", FROM, TO, TO, threads,
                    Runtime.getRuntime().availableProcessors());
            measure(from, to, 2 * 1024, Math.min(count, 200)); // warm-up: connections, bridge, JIT, journal files
            report(out, 2 * 1024, count, measure(from, to, 2 * 1024, count));
            report(out, 200 * 1024, Math.max(1, count / 10), measure(from, to, 200 * 1024, Math.max(1, count / 10)));
            out.flush();
            return 0;
        } finally {
            from.stop();
            to.stop();
        }
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

    private static void report(PrintWriter out, int size, int n, double seconds) {
        out.printf("%6s x %5d: %7.0f msgs/s end to end (%.1f MB/s)%n", size / 1024 + " KB", n, n / seconds,
                n * (double) size / seconds / 1e6);
    }

    /** Seconds from the first send to the last message consumed at the next hop. */
    private double measure(NodeBroker from, NodeBroker to, int size, int n) throws Exception {
        byte[] body = new byte[size];
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        try (Connection receiving = to.connectionFactory().createConnection();
             Session session = receiving.createSession(false, Session.DUPS_OK_ACKNOWLEDGE)) {
            receiving.start();
            MessageConsumer consumer = session.createConsumer(session.createQueue(Addresses.IN));
            long start = System.nanoTime();
            List<Future<?>> sent = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int share = n / threads + (t < n % threads ? 1 : 0);
                sent.add(senders.submit(() -> send(from, body, share)));
            }
            for (int received = 0; received < n; received++) {
                if (consumer.receive(60_000) == null) {
                    throw new IllegalStateException("only " + received + " of " + n + " messages arrived within a minute");
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

    private static Void send(NodeBroker from, byte[] body, int n) throws Exception {
        try (Connection connection = from.connectionFactory().createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = session.createProducer(session.createQueue(Addresses.out(TO)));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int i = 0; i < n; i++) {
                String id = UUID.randomUUID().toString();
                BytesMessage message = session.createBytesMessage();
                message.writeBytes(body);
                message.setStringProperty(MessageProperties.MESSAGE_ID, id);
                message.setStringProperty(MessageProperties.DUPLICATE_ID, id);
                producer.send(message);
            }
        }
        return null;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
