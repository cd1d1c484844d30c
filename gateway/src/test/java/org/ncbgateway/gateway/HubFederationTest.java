package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
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
import org.ncbgateway.transport.Addresses;

/**
 * Two hubs in different regions with bureaus behind each, every node its own broker over TLS on
 * loopback: NG (Africa) diffuses through HUB-AFRICA and HUB-EUROPE to NL and IT (Europe). Bureaus of
 * the example federation that do not run here show what the hubs relay as copies waiting on their
 * {@code ncb.out.<HOP>} queues.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HubFederationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    PartialFederation running;
    LocalFederation federation;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        running = PartialFederation.start(work, List.of("NG", "HUB-AFRICA", "HUB-EUROPE", "NL", "IT"));
        federation = running.federation();
    }

    @AfterAll
    void stop() throws Exception {
        running.close();
    }

    private long waiting(String hub, String hop) {
        return Math.max(0, federation.node(hub).broker().messageCount(Addresses.OUT_PREFIX + hop));
    }

    private List<String> delivered(String bureau) throws IOException {
        Path folder = federation.config(bureau).deliveryDir();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).toList();
        }
    }

    private long deliveredCopies(String bureau, UUID messageId) throws IOException {
        return delivered(bureau).stream().filter(n -> n.contains(messageId.toString())).count();
    }

    private Map<String, Long> waitingAt(String hub, List<String> hops) {
        Map<String, Long> counts = new TreeMap<>();
        hops.forEach(hop -> counts.put(hop, waiting(hub, hop)));
        return counts;
    }

    @Test
    void a_region_diffusion_with_an_exclusion_reaches_exactly_the_region_bureaus_but_the_excluded_one()
            throws Exception {
        List<String> absent = List.of("BE", "DE", "ES", "FR");
        Map<String, Long> before = waitingAt("HUB-EUROPE", absent);
        Submission diffusion = HubFixtures.diffusion("NG", List.of("region:EUROPE"), List.of("IT"));

        federation.node("NG").submit(diffusion);

        await().atMost(PATIENCE).until(() -> deliveredCopies("NL", diffusion.messageId()) == 1);
        await().atMost(PATIENCE).until(() -> absent.stream()
                .allMatch(hop -> waiting("HUB-EUROPE", hop) == before.get(hop) + 1));
        assertThat(deliveredCopies("IT", diffusion.messageId())).isZero();
        assertThat(waiting("HUB-EUROPE", "IT")).isZero();
        assertThat(federation.node("NG").machinery().status().find(diffusion.messageId()).orElseThrow()
                .recipients()).extracting(RecipientStatus::recipient).containsExactly("BE", "DE", "ES", "FR", "NL");
        await().atMost(PATIENCE).until(() -> federation.node("NG").machinery().status().find(diffusion.messageId())
                .map(s -> s.count(RecipientState.DELIVERED) == 1).orElse(false));
    }

    @Test
    void all_reaches_each_bureau_once_and_every_other_region_through_its_hub() throws Exception {
        List<String> absentInEurope = List.of("BE", "DE", "ES", "FR");
        List<String> fromAfrica = List.of("MA", "TN", "HUB-AMERICAS", "HUB-ASIA", "HUB-MIDDLE-EAST");
        Map<String, Long> europe = waitingAt("HUB-EUROPE", absentInEurope);
        Map<String, Long> africa = waitingAt("HUB-AFRICA", fromAfrica);
        Submission diffusion = HubFixtures.diffusion("NG", List.of("all"), List.of());

        federation.node("NG").submit(diffusion);

        await().atMost(PATIENCE).until(() -> deliveredCopies("NL", diffusion.messageId()) == 1
                && deliveredCopies("IT", diffusion.messageId()) == 1);
        await().atMost(PATIENCE).until(() -> absentInEurope.stream()
                .allMatch(hop -> waiting("HUB-EUROPE", hop) == europe.get(hop) + 1));
        await().atMost(PATIENCE).until(() -> fromAfrica.stream()
                .allMatch(hop -> waiting("HUB-AFRICA", hop) == africa.get(hop) + 1));
        assertThat(waiting("HUB-AFRICA", "NG")).isZero();
        assertThat(federation.node("NL").machinery().inbound().duplicates()).isZero();
        assertThat(federation.node("IT").machinery().inbound().duplicates()).isZero();
    }

    @Test
    void a_hub_restarted_mid_stream_loses_nothing() throws Exception {
        List<UUID> sent = new ArrayList<>();
        federation.stop("HUB-EUROPE");
        for (int i = 0; i < 3; i++) {
            Submission diffusion = HubFixtures.diffusion("NG", List.of("NL"), List.of());
            federation.node("NG").submit(diffusion);
            sent.add(diffusion.messageId());
        }
        await().atMost(PATIENCE).until(() -> waiting("HUB-AFRICA", "HUB-EUROPE") >= 3);

        federation.start("HUB-EUROPE");

        for (UUID id : sent) {
            await().atMost(PATIENCE).until(() -> deliveredCopies("NL", id) == 1);
        }
        await().atMost(PATIENCE).until(() -> sent.stream().allMatch(id -> federation.node("NG").machinery().status()
                .find(id).map(s -> s.count(RecipientState.DELIVERED) == 1).orElse(false)));
        assertThat(federation.node("NL").machinery().inbound().duplicates()).isZero();
    }
}
