package org.ncbgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.cli.NcbTestAccess;
import org.ncbgateway.gateway.GatewayNode;
import org.ncbgateway.gateway.LocalFederation;
import org.ncbgateway.testing.ExampleFederation;
import org.ncbgateway.transport.Endpoint;
import org.ncbgateway.transport.ExternalBroker;
import org.ncbgateway.transport.ExternalBrokerSettings;

/**
 * A replay into a node whose broker is down, or goes down during the replay, stops within a bounded time with
 * the target, the reason and the count replayed before; it never retries forever.
 */
class ReplayFailureTest {

    /** Far above the replay's own bound (three connection attempts a second apart, ten-second calls). */
    private static final Duration BOUND = Duration.ofSeconds(90);

    @TempDir
    Path work;

    @Test
    void a_replay_into_a_broker_that_is_down_fails_naming_the_target_and_nothing_replayed() throws Exception {
        Path log = new LogScenario(work.resolve("logs")).fr;
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        String target = "queue:tcp://127.0.0.1:" + closedPort;
        try (LocalFederation federation = LocalFederation.prepare(ExampleFederation.dir(), work.resolve("fed"),
                List.of("FR"), Clock.systemUTC())) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();

            int status = assertTimeoutPreemptively(BOUND, () -> NcbTestAccess.execute(new PrintWriter(out),
                    new PrintWriter(err), "audit", "replay", log.toString(), "--into", target, "--as",
                    federation.configFile("FR").toString()));

            assertThat(status).as(err.toString()).isEqualTo(1);
            assertThat(err.toString()).contains("cannot reach queue ncb.in at tcp://127.0.0.1:" + closedPort + " as FR")
                    .containsPattern("AMQ[0-9]+").contains("nothing replayed into " + target);
        }
    }

    @Test
    void a_broker_that_goes_down_during_the_replay_stops_it_with_the_count_replayed_before() throws Exception {
        Path log = new LogScenario(work.resolve("logs")).fr;
        try (LocalFederation federation = LocalFederation.prepare(ExampleFederation.dir(), work.resolve("fed"),
                List.of("FR", "DE"), Clock.systemUTC())) {
            federation.start("DE");
            Endpoint endpoint = federation.config("DE").brokerListen().orElseThrow();
            String where = "tcp://" + endpoint.host() + ":" + endpoint.port() + " as FR";
            QueueTarget queue = new QueueTarget(ExternalBroker.connectionFactory(new ExternalBrokerSettings(
                    List.of(endpoint), GatewayNode.tls(federation.config("FR")))), where, "ncb.in");
            ReplayTarget downAfterThree = new ReplayTarget() {
                private int delivered;

                @Override
                public boolean deliver(ReplayedMessage message) throws IOException {
                    if (delivered++ == 3) {
                        stop(federation);
                    }
                    return queue.deliver(message);
                }

                @Override
                public void close() throws IOException {
                    queue.close();
                }
            };

            try (downAfterThree) {
                assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> new LogReplayer(
                        EnumSet.of(EntryType.RECEIVED)).replay(log, new LogRange(null, null), downAfterThree,
                        (done, total) -> { }))
                        .isInstanceOfSatisfying(LogReplayer.Stopped.class, stopped -> {
                            assertThat(stopped.replayed()).isEqualTo(3);
                            assertThat(stopped.total()).isEqualTo(10);
                            assertThat(stopped.getMessage()).contains("to queue ncb.in at " + where + " failed: ");
                        }));
            }
        }
    }

    private static void stop(LocalFederation federation) throws IOException {
        try {
            federation.stop("DE");
        } catch (Exception e) {
            throw new IOException("stopping DE failed", e);
        }
    }
}
