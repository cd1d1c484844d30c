package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.message.Priority;
import org.ncbgateway.testing.ExampleFederation;

class DirectExchangeTest {

    @TempDir
    Path work;
    LocalFederation federation;

    @BeforeEach
    void start_FR_and_DE() throws Exception {
        federation = LocalFederation.prepare(ExampleFederation.dir(), work, List.of("FR", "DE"), Clock.systemUTC());
        federation.startAll();
    }

    @AfterEach
    void stop() throws Exception {
        federation.close();
    }

    @Test
    void a_diffusion_reaches_its_addressee_and_the_issuer_sees_it_delivered() throws Exception {
        byte[] payload = GatewayFixtures.validDiffusion();
        Submission diffusion = SubmissionFile.readPayload(payload, "diffusion", UUID.randomUUID(), List.of("DE"),
                List.of(), Priority.NORMAL, Optional.empty());

        federation.node("FR").submit(diffusion);

        Path delivered = federation.config("DE").deliveryDir()
                .resolve("FR-diffusion-" + diffusion.messageId() + ".json");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(delivered));
        assertThat(Files.readAllBytes(delivered)).isEqualTo(payload);
        await().atMost(Duration.ofSeconds(30)).until(() -> federation.node("FR").machinery().status()
                .find(diffusion.messageId()).map(s -> s.count(RecipientState.DELIVERED) == 1).orElse(false));
    }
}
