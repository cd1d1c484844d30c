package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.message.Priority;
import org.ncbgateway.testing.ExampleFederation;
import org.ncbgateway.transport.Addresses;

class RecipientRestartTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path work;
    LocalFederation federation;

    @AfterEach
    void stop() throws Exception {
        federation.close();
    }

    @Test
    void a_recipient_that_was_down_receives_every_message_exactly_once_and_the_issuer_status_follows()
            throws Exception {
        federation = LocalFederation.prepare(ExampleFederation.dir(), work, List.of("FR", "DE"), Clock.systemUTC());
        federation.startAll();
        federation.stop("DE");

        List<UUID> sent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Submission diffusion = SubmissionFile.readPayload(GatewayFixtures.validDiffusion(), "diffusion",
                    UUID.randomUUID(), List.of("DE"), List.of(), Priority.NORMAL, Optional.empty());
            federation.node("FR").submit(diffusion);
            sent.add(diffusion.messageId());
        }
        assertThat(federation.node("FR").machinery().status().pending()).hasSize(4);

        GatewayNode de = federation.start("DE");

        await().atMost(PATIENCE).until(() -> federation.node("FR").machinery().status().pending().isEmpty());
        Path delivery = federation.config("DE").deliveryDir();
        try (Stream<Path> files = Files.list(delivery)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(sent.stream().map(id -> "FR-diffusion-" + id + ".json").toList());
        }
        assertThat(de.broker().messageCount(Addresses.DELIVER)).isEqualTo(4);
        assertThat(de.machinery().inbound().duplicates()).isZero();
    }
}
