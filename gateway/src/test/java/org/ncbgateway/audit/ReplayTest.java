package org.ncbgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.cli.NcbTestAccess;

/** `ncb audit replay` into a folder and into an Artemis queue: twice, and each message arrives once. */
class ReplayTest {

    @TempDir
    static Path logs;
    static LogScenario scenario;
    @TempDir
    Path work;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeAll
    static void buildLogs() throws IOException {
        scenario = new LogScenario(logs);
    }

    private int replay(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "audit";
        all[1] = "replay";
        all[2] = scenario.fr.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return NcbTestAccess.execute(new PrintWriter(out), new PrintWriter(err), all);
    }

    @Test
    void replaying_a_range_into_a_folder_twice_writes_each_message_once() throws IOException {
        // seq 2..9 holds six received messages around the seal (6) and its countersignature (7)
        Path target = work.resolve("restore");
        assertThat(replay("--from", "2", "--to", "9", "--into", "dir:" + target)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("replayed 6 message(s)").contains("6 delivered, 0 already there");
        assertThat(err.toString()).contains("[##############################] 6/6");

        assertThat(replay("--from", "2", "--to", "9", "--into", "dir:" + target)).isZero();
        assertThat(out.toString()).contains("0 delivered, 6 already there");
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).hasSize(6)
                    .contains(scenario.messages.get(1) + ".der").doesNotContain(scenario.messages.get(0) + ".der");
        }
        Path second = target.resolve(scenario.messages.get(1) + ".der");
        assertThat(Files.readAllBytes(second)).isEqualTo(LogScenario.entries(scenario.fr).get(1).data());
    }

    @Test
    void a_time_range_selects_by_entry_time() throws IOException {
        String from = LogScenario.entries(scenario.fr).get(7).meta().time().toString();
        assertThat(replay("--from", from, "--into", "dir:" + work.resolve("t"))).isZero();
        assertThat(out.toString()).contains("replayed 5 message(s)");
    }

    @Test
    void a_bad_bound_or_target_is_named_with_exit_2() {
        assertThat(replay("--from", "yesterday", "--into", "dir:" + work)).isEqualTo(2);
        assertThat(err.toString()).contains("--from 'yesterday' is neither a sequence number nor an RFC 3339");
        assertThat(replay("--into", "ftp:somewhere")).isEqualTo(2);
        assertThat(err.toString()).contains("--into 'ftp:somewhere': expected dir:PATH or queue:URL[#QUEUE]");
    }

    @Test
    void replaying_into_an_artemis_queue_twice_delivers_each_message_once() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl()
                .setPersistenceEnabled(true).setJournalDirectory(work.resolve("journal").toString())
                .setBindingsDirectory(work.resolve("bindings").toString())
                .setLargeMessagesDirectory(work.resolve("large").toString())
                .setPagingDirectory(work.resolve("paging").toString())
                .setSecurityEnabled(false)
                .addAcceptorConfiguration("in", "tcp://127.0.0.1:" + port)
                .addQueueConfiguration(QueueConfiguration.of("ncb.in").setRoutingType(RoutingType.ANYCAST)));
        broker.start();
        try {
            String url = "tcp://127.0.0.1:" + port;
            assertThat(replay("--into", "queue:" + url + "#ncb.in")).as(err.toString()).isZero();
            assertThat(replay("--into", "queue:" + url)).as(err.toString()).isZero();
            assertThat(out.toString()).contains("replayed 10 message(s) into queue:" + url);

            Set<String> received = new HashSet<>();
            try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
                 Connection connection = factory.createConnection()) {
                connection.start();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageConsumer consumer = session.createConsumer(session.createQueue("ncb.in"));
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    BytesMessage message = (BytesMessage) consumer.receive(200);
                    if (message != null) {
                        assertThat(received.add(message.getStringProperty("ncbMessageId"))).as("duplicate").isTrue();
                        assertThat(message.getStringProperty("_AMQ_DUPL_ID"))
                                .isEqualTo(message.getStringProperty("ncbMessageId"));
                        assertThat(message.getStringProperty("ncbFrom")).isEqualTo("DE");
                    }
                    return received.size() == 10;
                });
                assertThat(consumer.receive(500)).as("nothing beyond the ten").isNull();
            }
            assertThat(received).containsExactlyInAnyOrderElementsOf(
                    scenario.messages.stream().map(Object::toString).toList());
        } finally {
            broker.stop();
        }
    }
}
