package org.ncbgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node killed with SIGKILL while appending keeps every acknowledged entry and a chain that verifies. */
class CrashRecoveryTest {

    private static final int ACKS_BEFORE_KILL = 150;

    @TempDir
    Path dir;

    private static Set<String> acked(Path acks) throws IOException {
        Set<String> ids = new HashSet<>();
        for (String line : Files.readAllLines(acks, StandardCharsets.UTF_8)) {
            if (line.startsWith("acked ") && line.length() == 6 + 36) {
                ids.add(line.substring(6));
            }
        }
        return ids;
    }

    @Test
    void sigkill_while_appending_loses_no_acknowledged_entry_and_leaves_a_verifiable_chain() throws Exception {
        Path log = dir.resolve("log");
        Path acks = dir.resolve("acks.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingAppender.class.getName(), log.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(acks.toFile())
                .start();
        await().atMost(Duration.ofSeconds(90)).until(() -> acked(acks).size() >= ACKS_BEFORE_KILL);
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Set<String> acked = acked(acks);
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        LogAudit asLeft = new LogVerifier((c, at) -> "FR", (m, w) -> java.util.Optional.empty()).verify(log);
        assertThat(asLeft.findings()).as("at most the torn last entry").allSatisfy(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.TORN_TAIL);
            assertThat(f.seq()).isEqualTo(asLeft.head().seq() + 1);
        });

        long lastGood = asLeft.head().seq();
        try (MessageLog reopened = MessageLog.open(log, "FR")) {
            assertThat(reopened.head().seq()).isEqualTo(lastGood + (reopened.tornTail().isPresent() ? 1 : 0));
        }
        List<LogEntry> entries = MessageLogTest.readAll(log);
        Set<String> logged = new HashSet<>();
        entries.forEach(e -> logged.add(e.meta().messageId()));
        assertThat(logged).containsAll(acked);
        assertThat(acked.size()).isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        assertThat(new LogVerifier((c, at) -> "FR", (m, w) -> java.util.Optional.empty()).verify(log).findings())
                .isEmpty();
    }

}
