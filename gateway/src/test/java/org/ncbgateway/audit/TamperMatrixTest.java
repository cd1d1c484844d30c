package org.ncbgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way of tampering with a log, and the first bad entry the auditor names for it, with why. */
class TamperMatrixTest {

    @TempDir
    static Path template;
    static LogScenario pristine;
    @TempDir
    Path base;
    LogScenario scenario;

    @BeforeAll
    static void buildLogsOnce() throws IOException {
        pristine = new LogScenario(template);
    }

    @BeforeEach
    void copyLogs() throws IOException {
        scenario = pristine.copyTo(base);
    }

    private Finding firstFinding(Path... logs) throws IOException {
        AuditReport report = scenario.verify(logs);
        assertThat(report.findings()).as("findings").isNotEmpty();
        return report.findings().get(0);
    }

    @Test
    void untouched_logs_verify_clean_with_their_seals_and_witnesses() throws IOException {
        AuditReport report = scenario.verify(scenario.fr, scenario.hub);
        assertThat(report.findings()).isEmpty();
        LogAudit fr = report.logs().get(0);
        assertThat(fr.node()).isEqualTo("FR");
        assertThat(fr.entries()).isEqualTo(14);
        assertThat(fr.seals()).isEqualTo(2);
        assertThat(fr.witnesses()).isEqualTo(2);
        assertThat(fr.messagesChecked()).isEqualTo(10);
        assertThat(report.logs().get(1).witnessed()).hasSize(2);
    }

    @Test
    void names_an_altered_entry() throws IOException {
        Path segment = LogScenario.segment(scenario.fr);
        byte[] bytes = Files.readAllBytes(segment);
        LogEntry third = LogScenario.entries(scenario.fr).get(2);
        int at = MessageLogTest.indexOf(bytes, ("\"peer\":\"DE\"").getBytes(StandardCharsets.UTF_8),
                (int) third.offset());
        bytes[at + 9] = 'F';
        Files.write(segment, bytes);

        Finding first = firstFinding(scenario.fr);
        assertThat(first.seq()).isEqualTo(3);
        assertThat(first.code()).isEqualTo(FindingCode.ENTRY_ALTERED);
        assertThat(first.offset()).isEqualTo(third.offset());
        assertThat(first.expected()).isEqualTo(third.hashHex());
        assertThat(first.actual()).isNotEqualTo(third.hashHex());
    }

    @Test
    void names_a_deleted_entry() throws IOException {
        byte[] third = LogScenario.recordBytes(scenario.fr, 3);
        cut(scenario.fr, LogScenario.entries(scenario.fr).get(2).offset(), third.length);

        Finding first = firstFinding(scenario.fr);
        assertThat(first.seq()).isEqualTo(3);
        assertThat(first.code()).isEqualTo(FindingCode.ENTRY_MISSING);
        assertThat(first.why()).contains("entry 3 is missing");
    }

    @Test
    void names_an_inserted_entry() throws IOException {
        List<LogEntry> entries = LogScenario.entries(scenario.fr);
        LogEntry second = entries.get(1);
        EntryMeta forged = new EntryMeta(EntryType.RECEIVED, Instant.now(), "FR", "forged", "diffusion", "DE",
                null, null, null, null);
        byte[] record = LogFormat.encode(3, second.hash(), forged, new byte[0]).bytes();
        long at = entries.get(2).offset();
        splice(scenario.fr, at, record);

        Finding first = firstFinding(scenario.fr);
        assertThat(first.seq()).isEqualTo(3);
        assertThat(first.code()).isEqualTo(FindingCode.ENTRY_INSERTED);
        assertThat(first.offset()).isEqualTo(at);
        assertThat(first.why()).contains("was inserted");
    }

    @Test
    void names_a_reordered_entry() throws IOException {
        List<LogEntry> entries = LogScenario.entries(scenario.fr);
        byte[] third = LogScenario.recordBytes(scenario.fr, 3);
        byte[] fourth = LogScenario.recordBytes(scenario.fr, 4);
        Path segment = LogScenario.segment(scenario.fr);
        byte[] bytes = Files.readAllBytes(segment);
        int at = (int) entries.get(2).offset();
        System.arraycopy(fourth, 0, bytes, at, fourth.length);
        System.arraycopy(third, 0, bytes, at + fourth.length, third.length);
        Files.write(segment, bytes);

        Finding first = firstFinding(scenario.fr);
        assertThat(first.seq()).isEqualTo(3);
        assertThat(first.code()).isEqualTo(FindingCode.ENTRY_REORDERED);
        assertThat(first.why()).isEqualTo("entry 3 comes after entry 4");
    }

    @Test
    void names_an_entry_altered_and_rehashed_where_the_chain_breaks() throws IOException {
        Path segment = LogScenario.segment(scenario.fr);
        LogEntry third = LogScenario.entries(scenario.fr).get(2);
        EntryMeta changed = new EntryMeta(EntryType.RECEIVED, third.meta().time(), "FR", third.meta().messageId(),
                "diffusion", "BE", null, null, null, null);
        byte[] replacement = LogFormat.encode(3, third.prevHash(), changed, third.data()).bytes();
        byte[] original = LogScenario.recordBytes(scenario.fr, 3);
        cut(scenario.fr, third.offset(), original.length);
        splice(scenario.fr, third.offset(), replacement);

        Finding first = firstFinding(scenario.fr);
        assertThat(first.seq()).isEqualTo(4);
        assertThat(first.code()).isEqualTo(FindingCode.CHAIN_BROKEN);
        assertThat(first.why()).contains("does not chain to entry 3");
        assertThat(Files.exists(segment)).isTrue();
    }

    @Test
    void names_the_tail_truncated_after_a_seal_from_the_witness_log() throws IOException {
        LogEntry ninth = LogScenario.entries(scenario.fr).get(8);
        try (RandomAccessFile file = new RandomAccessFile(ninth.file().toFile(), "rw")) {
            file.setLength(ninth.offset());
        }
        assertThat(scenario.verify(scenario.fr).findings()).as("the log alone looks whole").isEmpty();

        Finding first = firstFinding(scenario.fr, scenario.hub);
        assertThat(first.code()).isEqualTo(FindingCode.WITNESS_DISAGREES);
        assertThat(first.seq()).isEqualTo(9);
        assertThat(first.why()).contains("log truncated: it ends at seq 8").contains("seal of seq 12");
    }

    @Test
    void names_a_seal_forged_with_another_key() throws IOException {
        StatementSigner forger = AuditFixtures.foreignSigner("FR");
        LogScenario.rewrite(scenario.fr, entries -> {
            List<EntryContent> out = new ArrayList<>(entries);
            EntryContent seal = out.get(5);
            LogEntry sealed = entriesUnchecked(scenario.fr).get(5);
            SealStatement statement = new SealStatement("FR", 5, sealed.prevHashHex(), Instant.now());
            out.set(5, new EntryContent(seal.meta(), forger.sign(statement.toJson())));
            return out;
        });

        Finding first = firstFinding(scenario.fr);
        assertThat(first.seq()).isEqualTo(6);
        assertThat(first.code()).isEqualTo(FindingCode.SEAL_INVALID);
        assertThat(first.actual()).isEqualTo("CERT_UNTRUSTED");
    }

    @Test
    void names_a_message_whose_signature_no_longer_verifies() throws IOException {
        LogScenario.rewrite(scenario.fr, entries -> {
            List<EntryContent> out = new ArrayList<>(entries);
            byte[] wire = out.get(1).data().clone();
            wire[wire.length - 5] ^= 0x01;
            out.set(1, new EntryContent(out.get(1).meta(), wire));
            return out;
        });

        List<Finding> findings = scenario.verify(scenario.fr).findings();
        Finding first = findings.get(0);
        assertThat(first.seq()).isEqualTo(2);
        assertThat(first.code()).isEqualTo(FindingCode.MESSAGE_INVALID);
        assertThat(first.why()).contains(scenario.messages.get(1).toString()).contains("SIGNATURE_INVALID");
    }

    @Test
    void catches_an_owner_who_rewrote_and_resealed_through_the_witness_log() throws IOException {
        StatementSigner owner = scenario.federation.signer("FR");
        LogScenario.rewrite(scenario.fr, entries -> {
            List<EntryContent> kept = new ArrayList<>();
            for (EntryContent content : entries) {
                if (content.meta().type() == EntryType.WITNESS || content.meta().type() == EntryType.SEAL) {
                    continue;
                }
                EntryMeta m = content.meta();
                kept.add(m.messageId().equals(scenario.messages.get(2).toString())
                        ? new EntryContent(new EntryMeta(m.type(), m.time(), m.node(), m.messageId(), m.kind(), "BE",
                                null, null, null, null), content.data())
                        : content);
            }
            return kept;
        });
        try (MessageLog log = MessageLog.open(scenario.fr, "FR")) {
            new LogSealer(log, owner, null, java.time.Clock.systemUTC()).seal();
        }
        assertThat(scenario.verify(scenario.fr).findings()).as("re-sealed, the log alone verifies").isEmpty();

        Finding first = firstFinding(scenario.fr, scenario.hub);
        assertThat(first.code()).isEqualTo(FindingCode.WITNESS_DISAGREES);
        assertThat(first.seq()).isEqualTo(5);
        assertThat(first.why()).contains("log rewritten after its seal").contains("HUB-EUROPE");
    }

    private static List<LogEntry> entriesUnchecked(Path log) {
        try {
            return LogScenario.entries(log);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void cut(Path log, long offset, int length) throws IOException {
        Path segment = LogScenario.segment(log);
        byte[] bytes = Files.readAllBytes(segment);
        byte[] out = new byte[bytes.length - length];
        System.arraycopy(bytes, 0, out, 0, (int) offset);
        System.arraycopy(bytes, (int) offset + length, out, (int) offset, bytes.length - (int) offset - length);
        Files.write(segment, out);
    }

    private static void splice(Path log, long offset, byte[] insert) throws IOException {
        Path segment = LogScenario.segment(log);
        byte[] bytes = Files.readAllBytes(segment);
        byte[] out = new byte[bytes.length + insert.length];
        System.arraycopy(bytes, 0, out, 0, (int) offset);
        System.arraycopy(insert, 0, out, (int) offset, insert.length);
        System.arraycopy(bytes, (int) offset, out, (int) offset + insert.length, bytes.length - (int) offset);
        Files.write(segment, out);
    }
}
