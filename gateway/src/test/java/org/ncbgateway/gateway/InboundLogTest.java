package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.audit.EntryType;
import org.ncbgateway.audit.LogReader;
import org.ncbgateway.message.Priority;
import org.ncbgateway.testing.ExampleFederation;

/**
 * A bureau appends {@code received} and {@code delivered} lazily (no force of their own): they must still be on
 * disk before the message's id is accepted and its broker transaction commits, whether or not a later entry
 * forced them. FR and DE of the example federation, their machinery alone (no broker, no routes).
 */
class InboundLogTest {

    @TempDir
    Path work;

    @Test
    void received_and_delivered_are_on_disk_when_the_id_is_accepted_though_nothing_after_them_forced_them()
            throws Exception {
        LocalFederation federation = LocalFederation.prepare(ExampleFederation.dir(), work, List.of("FR", "DE"),
                Clock.systemUTC());
        byte[] wire;
        try (NodeMachinery fr = NodeMachinery.open(federation.config("FR"), Clock.systemUTC())) {
            Outbound outbound = (Outbound) fr.beans().get("outbound");
            wire = outbound.seal(SubmissionFile.readPayload(GatewayFixtures.validDiffusion(), "diffusion",
                    UUID.randomUUID(), List.of("DE"), List.of(), Priority.NORMAL, Optional.empty())).wire();
        }
        try (NodeMachinery de = NodeMachinery.open(federation.config("DE"), Clock.systemUTC())) {
            long before = de.log().head().seq();
            Inbound inbound = de.inbound();
            Received received = inbound.open(wire, false);
            inbound.deliver(received);

            inbound.accepted(received);

            assertThat(de.log().head().seq()).isGreaterThanOrEqualTo(before + 2);
        }
        List<EntryType> logged = new ArrayList<>();
        LogReader.read(federation.config("DE").messageLogDir(), entry -> logged.add(entry.type()));
        assertThat(logged).containsSubsequence(EntryType.RECEIVED, EntryType.DELIVERED);
    }
}
