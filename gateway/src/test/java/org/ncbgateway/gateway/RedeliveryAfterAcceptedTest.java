package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.camel.Processor;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.audit.EntryType;
import org.ncbgateway.audit.LogEntry;
import org.ncbgateway.audit.LogReader;
import org.ncbgateway.message.Priority;
import org.ncbgateway.transport.Addresses;
import org.ncbgateway.transport.NodeBroker;

/**
 * DE's broker transaction fails once right after DE recorded FR's message as accepted, once by a failed commit
 * with the node running, once by its broker crashing and the node restarting from its data: either way the
 * broker delivers the message again, DE processes it again, and in the end ncb.deliver holds exactly one copy
 * and FR exactly one delivered receipt. Before the redelivery was processed again, DE dropped it as a duplicate:
 * the copy for ncb.deliver and the receipt, rolled back with the transaction, were lost.
 */
class RedeliveryAfterAcceptedTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path work;
    PartialFederation nodes;
    LocalFederation federation;
    final AtomicInteger faults = new AtomicInteger();

    @BeforeEach
    void fr_and_de_running() throws Exception {
        nodes = PartialFederation.start(work, List.of("FR", "DE"));
        federation = nodes.federation();
    }

    @AfterEach
    void stop() throws Exception {
        nodes.close();
    }

    @Test
    void a_commit_failing_after_the_id_was_accepted_is_redelivered_and_delivered_and_receipted_once()
            throws Exception {
        failOnceAfterAccepted(exchange -> {
            throw new IllegalStateException("injected: the broker transaction fails after accepted");
        });

        UUID id = submitToDe();

        awaitDeliveredAtFr(id);
        assertExactlyOnce(id);
    }

    @Test
    void a_broker_crashing_after_the_id_was_accepted_redelivers_at_the_restart_and_it_is_delivered_and_receipted_once()
            throws Exception {
        GatewayNode de = federation.node("DE");
        failOnceAfterAccepted(exchange -> crash(de.broker()));

        UUID id = submitToDe();
        await().atMost(PATIENCE).until(() -> faults.get() == 1 && !de.broker().isStarted());
        federation.stop("DE");
        assertThat(Files.readString(federation.config("DE").acceptedIdsFile())).contains(id.toString());
        federation.start("DE");

        awaitDeliveredAtFr(id);
        assertExactlyOnce(id);
    }

    /**
     * What a crash leaves: the broker's journal fails (Artemis' critical IO error) and the broker stops at once,
     * writing nothing more, so the message in flight keeps the delivery count the journal had (a graceful stop
     * would count the delivery as it cancels it).
     */
    private static void crash(NodeBroker broker) throws ReflectiveOperationException {
        Field server = NodeBroker.class.getDeclaredField("server");
        server.setAccessible(true);
        ((ActiveMQServer) server.get(broker)).getStorageManager().criticalError(new IOException("injected: disk lost"));
        // the broker stops on a thread of its own: the transaction must not commit before it is gone
        await().atMost(PATIENCE).until(() -> !broker.isStarted());
    }

    /** A step after {@code inbound.accepted} in DE's receive route, run at the first message only. */
    private void failOnceAfterAccepted(Processor fault) throws Exception {
        AdviceWith.adviceWith(federation.node("DE").camel(), "receive", route -> route
                .weaveByToString(".*method:accepted.*").after().process(exchange -> {
                    if (faults.incrementAndGet() == 1) {
                        fault.process(exchange);
                    }
                }));
    }

    private UUID submitToDe() throws Exception {
        Submission diffusion = SubmissionFile.readPayload(GatewayFixtures.validDiffusion(), "diffusion",
                UUID.randomUUID(), List.of("DE"), List.of(), Priority.NORMAL, Optional.empty());
        federation.node("FR").submit(diffusion);
        return diffusion.messageId();
    }

    private void awaitDeliveredAtFr(UUID id) {
        await().atMost(PATIENCE).until(() -> federation.node("FR").machinery().status().find(id)
                .filter(status -> status.count(RecipientState.DELIVERED) == 1).isPresent());
    }

    private void assertExactlyOnce(UUID id) throws Exception {
        GatewayNode de = federation.node("DE");
        assertThat(faults).as("the fault was injected").hasPositiveValue();
        assertThat(de.broker().messageCount(Addresses.DELIVER)).isEqualTo(1);
        assertThat(de.broker().messageCount(Addresses.IN)).isZero();
        try (Stream<Path> files = Files.list(federation.config("DE").deliveryDir())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("FR-diffusion-" + id + ".json");
        }
        // the receipts FR took from its ncb.in and applied, all answering the one message it sent
        assertThat(entries("FR", EntryType.RECEIPT)).hasSize(1);
        assertThat(federation.node("FR").machinery().inbound().duplicates()).isZero();
    }

    private List<LogEntry> entries(String node, EntryType type) throws IOException {
        List<LogEntry> entries = new ArrayList<>();
        LogReader.read(federation.config(node).messageLogDir(), entry -> {
            if (entry.type() == type) {
                entries.add(entry);
            }
            return true;
        });
        return entries;
    }
}
