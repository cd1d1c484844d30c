package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ncbgateway.message.Priority;
import org.ncbgateway.testing.ExampleFederation;

/** Payloads for the gateway's tests, from the contract's own valid examples. */
final class GatewayFixtures {

    private GatewayFixtures() {
    }

    static byte[] validExample(String name) throws IOException {
        return Files.readAllBytes(ExampleFederation.repositoryRoot().resolve("schemas/examples/valid").resolve(name));
    }

    static byte[] validDiffusion() throws IOException {
        return validExample("diffusion-ftf-wanted.json");
    }

    static Path examples() {
        return ExampleFederation.repositoryRoot().resolve("schemas/examples/valid");
    }

    /**
     * FR submits the valid diffusion to DE; returns once DE's delivery folder holds exactly its bytes and FR's
     * status shows DE delivered (the signed receipt came back).
     */
    static Submission diffusionDeliveredFromFrToDe(LocalFederation federation, Duration patience) throws Exception {
        return diffusionDeliveredFromFr(federation, "DE", patience);
    }

    /** FR submits the valid diffusion to {@code recipient}; returns once it is delivered there and its receipt is back. */
    static Submission diffusionDeliveredFromFr(LocalFederation federation, String recipient, Duration patience)
            throws Exception {
        byte[] payload = validDiffusion();
        Submission diffusion = SubmissionFile.readPayload(payload, "diffusion", UUID.randomUUID(), List.of(recipient),
                List.of(), Priority.NORMAL, Optional.empty());

        federation.node("FR").submit(diffusion);

        Path delivered = federation.config(recipient).deliveryDir()
                .resolve("FR-diffusion-" + diffusion.messageId() + ".json");
        await().atMost(patience).until(() -> Files.exists(delivered));
        assertThat(Files.readAllBytes(delivered)).isEqualTo(payload);
        await().atMost(patience).until(() -> federation.node("FR").machinery().status()
                .find(diffusion.messageId()).map(s -> s.count(RecipientState.DELIVERED) == 1).orElse(false));
        return diffusion;
    }

    /** The next message on {@code address} of {@code node}'s broker, taken; null when none comes in time. */
    static Message receive(GatewayNode node, String address, long waitMillis) throws JMSException {
        try (Connection connection = node.broker().connectionFactory().createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            MessageConsumer consumer = session.createConsumer(session.createQueue(address));
            return consumer.receive(waitMillis);
        }
    }
}
