package org.ncbgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node whose interval seal fired before its first event (a slow start, as in {@code ncb demo} on a busy
 * machine) sealed the empty log's head, seq 0, and its hub countersigned it: that is no finding.
 */
class EmptyLogSealTest {

    @Test
    void a_witnessed_seal_of_the_empty_log_verifies_alone_and_against_the_witness(@TempDir Path base)
            throws IOException {
        AuditFixtures federation = new AuditFixtures();
        Path fr = base.resolve("FR");
        Path hub = base.resolve("HUB-EUROPE");
        try (MessageLog hubLog = MessageLog.open(hub, "HUB-EUROPE"); MessageLog frLog = MessageLog.open(fr, "FR")) {
            SealWitness witness = new SealWitness(hubLog, federation.signer("HUB-EUROPE"), federation.signerCheck(),
                    Clock.systemUTC());
            LogSealer sealer = new LogSealer(frLog, federation.signer("FR"),
                    DirectWitness.courier(frLog, federation.signerCheck(), witness), Clock.systemUTC());
            assertThat(sealer.seal().statement().sealedSeq()).isZero();
            UUID id = UUID.randomUUID();
            frLog.append(LogEvent.of(EntryType.RECEIVED, id.toString(), "diffusion", "DE",
                    federation.wire("DE", id, "diffusion")));
            sealer.seal();
        }

        AuditReport report = AuditReport.verify(new LogVerifier(federation.signerCheck(),
                new WireMessageCheck(federation.trust())), List.of(fr, hub));

        assertThat(report.findings()).isEmpty();
        assertThat(report.logs()).filteredOn(log -> "FR".equals(log.node()))
                .singleElement().satisfies(log -> assertThat(log.witnesses()).isEqualTo(2));
        assertThat(report.logs()).filteredOn(log -> "HUB-EUROPE".equals(log.node()))
                .singleElement().satisfies(log -> assertThat(log.witnessed()).hasSize(2));
    }
}
