package org.ncbgateway.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real brokers of the example federation on loopback over mutual TLS 1.3 (FR with an EC, DE with
 * an RSA certificate): FR forwards to DE through ncb.out.DE and a core bridge.
 */
class StoreAndForwardTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final long QUIET_MILLIS = 1500;

    @TempDir
    Path temp;

    private NodeBroker fr;
    private NodeBroker de;

    @BeforeEach
    void start() throws Exception {
        fr = new NodeBroker(TestNodes.settings("FR", temp));
        de = new NodeBroker(TestNodes.settings("DE", temp));
        fr.start();
        de.start();
        fr.updateNextHops(Map.of("DE", de.settings().acceptor()));
    }

    @AfterEach
    void stop() {
        fr.stop();
        de.stop();
    }

    @Test
    void forwards_each_message_to_the_next_hops_inbox() throws Exception {
        List<String> ids = sendFromFr(5);

        assertThat(JmsHelper.drainIds(de.connectionFactory(), Addresses.IN, 5, PATIENCE.toMillis()))
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(fr.runningBridges()).containsExactly("ncb.bridge.DE");
    }

    @Test
    void holds_messages_while_the_next_hop_is_down_and_delivers_each_exactly_once_after_both_restart() throws Exception {
        de.stop();
        List<String> ids = sendFromFr(10);
        await().atMost(PATIENCE).until(() -> fr.messageCount(Addresses.out("DE")) == 10);

        // the sender restarts too: what it queued is in its journal, not in memory
        fr.stop();
        fr = new NodeBroker(fr.settings());
        fr.start();
        fr.updateNextHops(Map.of("DE", de.settings().acceptor()));
        assertThat(fr.messageCount(Addresses.out("DE"))).isEqualTo(10);

        de = new NodeBroker(de.settings());
        de.start();

        assertThat(JmsHelper.drainIds(de.connectionFactory(), Addresses.IN, 10, PATIENCE.toMillis()))
                .containsExactlyInAnyOrderElementsOf(ids);
        await().atMost(PATIENCE).until(() -> fr.messageCount(Addresses.out("DE")) == 0);
        assertThat(JmsHelper.drainIds(de.connectionFactory(), Addresses.IN, Integer.MAX_VALUE, QUIET_MILLIS)).isEmpty();
    }

    @Test
    void drops_a_second_copy_with_the_same_message_id_at_the_sender_and_at_the_receiver() throws Exception {
        String id = UUID.randomUUID().toString();
        JmsHelper.send(fr.connectionFactory(), Addresses.out("DE"), id, body(id));
        JmsHelper.send(fr.connectionFactory(), Addresses.out("DE"), id, body(id));
        // the same message reaching DE by another path: sent straight into DE's inbox
        JmsHelper.send(de.connectionFactory(), Addresses.IN, id, body(id));
        // the bridge acknowledges a message on ncb.out.DE only once DE has durably taken or dropped it
        await().atMost(PATIENCE).until(() -> fr.messageCount(Addresses.out("DE")) == 0);

        assertThat(JmsHelper.drainIds(de.connectionFactory(), Addresses.IN, Integer.MAX_VALUE, QUIET_MILLIS))
                .containsExactly(id);
    }

    @Test
    void removing_a_hop_stops_its_bridge_and_keeps_its_queue_until_the_hop_returns() throws Exception {
        fr.updateNextHops(Map.of());
        assertThat(fr.runningBridges()).isEmpty();

        List<String> ids = sendFromFr(3);
        assertThat(fr.messageCount(Addresses.out("DE"))).isEqualTo(3);

        fr.updateNextHops(Map.of("DE", de.settings().acceptor()));
        assertThat(JmsHelper.drainIds(de.connectionFactory(), Addresses.IN, 3, PATIENCE.toMillis()))
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    /**
     * The peer went down while a send was on the wire: the message reached DE but its confirmation never came
     * back. Artemis puts it back on ncb.out.DE yet keeps counting it as pending, and FR's stop used to wait 10 s
     * for that confirmation. FR stops at once, keeps the message, and DE has it once after FR sends it again.
     */
    @Test
    void stops_at_once_when_the_peer_went_down_before_confirming_a_send_and_delivers_it_once_later() throws Exception {
        List<String> ids = new ArrayList<>();
        try (PeerLink link = PeerLink.to(de.settings().acceptor())) {
            fr.updateNextHops(Map.of("DE", link.endpoint()));
            ids.addAll(sendFromFr(1));
            await().atMost(PATIENCE).until(() -> fr.messageCount(Addresses.out("DE")) == 0);
            link.muteAnswers();
            ids.addAll(sendFromFr(1));
            await().atMost(PATIENCE).until(() -> de.messageCount(Addresses.IN) == 2);
            link.cut();
            // FR has seen the link drop once its bridge tries again (a link whose drop FR has not yet seen makes
            // the session's close at stop wait out the call timeout: a limit of its own, not this one)
            await().atMost(PATIENCE).until(() -> link.refusedSinceCut() > 0);

            long stopping = System.nanoTime();
            fr.stop();
            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(5));
        }
        fr = new NodeBroker(fr.settings());
        fr.start();
        assertThat(fr.messageCount(Addresses.out("DE"))).as("unconfirmed, so kept").isEqualTo(1);
        fr.updateNextHops(Map.of("DE", de.settings().acceptor()));
        await().atMost(PATIENCE).until(() -> fr.messageCount(Addresses.out("DE")) == 0);
        assertThat(JmsHelper.drainIds(de.connectionFactory(), Addresses.IN, Integer.MAX_VALUE, QUIET_MILLIS))
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    private List<String> sendFromFr(int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            JmsHelper.send(fr.connectionFactory(), Addresses.out("DE"), id, body(id));
            ids.add(id);
        }
        return ids;
    }

    private static byte[] body(String id) {
        return ("sealed " + id).getBytes(StandardCharsets.UTF_8);
    }
}
