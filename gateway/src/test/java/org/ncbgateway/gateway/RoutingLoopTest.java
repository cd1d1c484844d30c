package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.audit.EntryType;
import org.ncbgateway.audit.LogEntry;
import org.ncbgateway.audit.LogReader;
import org.ncbgateway.testing.PeerClients;
import org.ncbgateway.transport.Addresses;

/**
 * Live nodes over TLS on loopback whose directory (the example federation) has loops: the hubs form a
 * full mesh (HUB-EUROPE, HUB-AFRICA and HUB-MIDDLE-EAST run here, a cycle of three), and ES has a direct
 * link to MA, which the hubs also reach (ES → HUB-EUROPE → HUB-AFRICA → MA). A message follows one
 * delivery tree: every running bureau delivers it exactly once, no node receives or relays it twice, and
 * a copy that still arrives over a second path is dropped as a duplicate and counted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingLoopTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final List<String> RUNNING = List.of("ES", "MA", "TR", "HUB-EUROPE", "HUB-AFRICA",
            "HUB-MIDDLE-EAST");

    private PartialFederation running;
    private LocalFederation federation;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        running = PartialFederation.start(work, RUNNING);
        federation = running.federation();
    }

    @AfterAll
    void stop() throws Exception {
        running.close();
    }

    @Test
    void all_is_delivered_once_by_each_bureau_and_never_handled_twice_around_the_loops() throws Exception {
        Map<String, Long> duplicates = duplicates(List.of("MA", "TR"));
        UUID id = submitAndAwaitReceipts("ES", List.of("all"), List.of("MA", "TR"));

        // MA is ES's direct link: the hub of its region leaves it out, and no hub sends back along the mesh
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(relayedBy("HUB-AFRICA", id)).containsExactlyInAnyOrder("TN", "NG"));
        assertEveryNodeHandledOnce(id);
        assertThat(relayedBy("HUB-EUROPE", id)).contains("HUB-AFRICA", "HUB-MIDDLE-EAST")
                .doesNotContain("ES", "MA", "TR");
        assertThat(relayedBy("HUB-MIDDLE-EAST", id)).containsExactlyInAnyOrder("TR", "JO", "IQ");
        assertThat(duplicates(List.of("MA", "TR"))).isEqualTo(duplicates);
    }

    @Test
    void a_region_reached_across_the_hub_cycle_takes_one_way_round() throws Exception {
        UUID id = submitAndAwaitReceipts("TR", List.of("region:AFRICA"), List.of("MA"));

        assertEveryNodeHandledOnce(id);
        assertThat(relayedBy("HUB-MIDDLE-EAST", id)).containsExactly("HUB-AFRICA");
        assertThat(relayedBy("HUB-AFRICA", id)).containsExactlyInAnyOrder("MA", "TN", "NG");
        assertThat(handled("HUB-EUROPE", id)).isEmpty();
    }

    @Test
    void a_copy_arriving_over_a_second_path_is_dropped_as_a_duplicate_and_counted() throws Exception {
        UUID id = submitAndAwaitReceipts("ES", List.of("MA"), List.of("MA"));
        byte[] wire = handled("MA", id).stream().filter(e -> e.type() == EntryType.RECEIVED).findFirst()
                .orElseThrow().data();
        long before = federation.node("MA").machinery().inbound().duplicates();

        // the way round through the hubs, as HUB-AFRICA would relay it with a directory that lacks the link:
        // once under the message's own duplicate id (MA's broker drops it), once under another (MA's
        // broker lets it through, as after its duplicate-id window: the gateway drops it and counts it)
        var asHubAfrica = PeerClients.as("HUB-AFRICA", federation.config("MA").brokerListen().orElseThrow());
        PeerClients.send(asHubAfrica, Addresses.IN, wire, id.toString());
        PeerClients.send(asHubAfrica, Addresses.IN, wire, UUID.randomUUID().toString());

        await().atMost(PATIENCE).until(() -> federation.node("MA").machinery().inbound().duplicates() == before + 1);
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() ->
                federation.node("MA").machinery().inbound().duplicates() == before + 1
                        && federation.node("MA").broker().messageCount(Addresses.IN) == 0);
        assertThat(deliveredCopies("MA", id)).isEqualTo(1);
        assertThat(handled("MA", id)).filteredOn(e -> e.type() == EntryType.RECEIVED).hasSize(1);
    }

    /** Submits a diffusion and waits until each running recipient delivered it and its receipt is back. */
    private UUID submitAndAwaitReceipts(String from, List<String> to, List<String> runningRecipients)
            throws Exception {
        Submission diffusion = HubFixtures.diffusion(from, to, List.of());
        federation.node(from).submit(diffusion);
        UUID id = diffusion.messageId();
        await().atMost(PATIENCE).until(() -> runningRecipients.stream()
                .allMatch(bureau -> deliveredCopies(bureau, id) == 1));
        await().atMost(PATIENCE).until(() -> federation.node(from).machinery().status().find(id)
                .map(s -> s.count(RecipientState.DELIVERED) == runningRecipients.size()).orElse(false));
        return id;
    }

    /** No running node received the message twice, nor relayed it twice to the same hop. */
    private void assertEveryNodeHandledOnce(UUID id) throws IOException {
        for (String code : RUNNING) {
            List<LogEntry> entries = handled(code, id);
            assertThat(entries).as("%s received %s", code, id)
                    .filteredOn(e -> e.type() == EntryType.RECEIVED).hasSizeLessThanOrEqualTo(1);
            assertThat(relayedBy(code, id)).as("%s relayed %s to", code, id).doesNotHaveDuplicates();
        }
        for (String bureau : List.of("ES", "MA", "TR")) {
            assertThat(deliveredCopies(bureau, id)).as("copies of %s delivered at %s", id, bureau).isLessThanOrEqualTo(1);
        }
    }

    /** The duplicates each bureau's gateway dropped so far (the tests share the nodes). */
    private Map<String, Long> duplicates(List<String> bureaus) {
        Map<String, Long> counts = new TreeMap<>();
        bureaus.forEach(b -> counts.put(b, federation.node(b).machinery().inbound().duplicates()));
        return counts;
    }

    private List<String> relayedBy(String code, UUID id) throws IOException {
        return handled(code, id).stream().filter(e -> e.type() == EntryType.RELAYED).map(e -> e.meta().peer()).toList();
    }

    /** The entries of {@code code}'s message log about message {@code id}. */
    private List<LogEntry> handled(String code, UUID id) throws IOException {
        List<LogEntry> entries = new ArrayList<>();
        LogReader.read(federation.config(code).messageLogDir(), entry -> {
            if (id.toString().equals(entry.meta().messageId())) {
                entries.add(entry);
            }
            return true;
        });
        return entries;
    }

    private long deliveredCopies(String bureau, UUID id) {
        Path folder = federation.config(bureau).deliveryDir();
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().contains(id.toString())).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
