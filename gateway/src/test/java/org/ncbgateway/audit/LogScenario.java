package org.ncbgateway.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * FR's log and its witness HUB-EUROPE's log: five received messages, a witnessed seal, five more, another
 * witnessed seal. FR's entries: 1-5 received, 6 seal, 7 witness, 8-12 received, 13 seal, 14 witness.
 */
final class LogScenario {

    final AuditFixtures federation;
    final Path fr;
    final Path hub;
    final List<UUID> messages;

    private LogScenario(AuditFixtures federation, Path fr, Path hub, List<UUID> messages) {
        this.federation = federation;
        this.fr = fr;
        this.hub = hub;
        this.messages = messages;
    }

    /** The same logs copied under {@code base}, for a test to tamper with. */
    LogScenario copyTo(Path base) throws IOException {
        LogScenario copy = new LogScenario(federation, base.resolve("FR"), base.resolve("HUB-EUROPE"), messages);
        for (Path[] pair : new Path[][] {{fr, copy.fr}, {hub, copy.hub}}) {
            Files.createDirectories(pair[1]);
            for (Path segment : Segments.list(pair[0])) {
                Files.copy(segment, pair[1].resolve(segment.getFileName()));
            }
        }
        return copy;
    }

    LogScenario(Path base) throws IOException {
        federation = new AuditFixtures();
        messages = new ArrayList<>();
        fr = base.resolve("FR");
        hub = base.resolve("HUB-EUROPE");
        try (MessageLog hubLog = MessageLog.open(hub, "HUB-EUROPE"); MessageLog frLog = MessageLog.open(fr, "FR")) {
            SealWitness witness = new SealWitness(hubLog, federation.signer("HUB-EUROPE"), federation.signerCheck(),
                    Clock.systemUTC());
            LogSealer sealer = new LogSealer(frLog, federation.signer("FR"),
                    DirectWitness.courier(frLog, federation.signerCheck(), witness), Clock.systemUTC());
            receive(frLog, 5);
            sealer.seal();
            receive(frLog, 5);
            sealer.seal();
        }
    }

    private void receive(MessageLog log, int count) {
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            messages.add(id);
            log.append(LogEvent.of(EntryType.RECEIVED, id.toString(), "diffusion", "DE",
                    federation.wire("DE", id, "diffusion")));
        }
    }

    LogVerifier verifier() {
        return new LogVerifier(federation.signerCheck(), new WireMessageCheck(federation.trust()));
    }

    AuditReport verify(Path... logs) throws IOException {
        return AuditReport.verify(verifier(), List.of(logs));
    }

    static Path segment(Path log) throws IOException {
        return Segments.list(log).get(0);
    }

    static List<LogEntry> entries(Path log) throws IOException {
        return MessageLogTest.readAll(log);
    }

    /** The raw bytes of entry {@code seq}'s record. */
    static byte[] recordBytes(Path log, long seq) throws IOException {
        List<LogEntry> all = entries(log);
        LogEntry entry = all.get((int) seq - 1);
        long end = seq < all.size() ? all.get((int) seq).offset() : Files.size(entry.file());
        byte[] bytes = Files.readAllBytes(entry.file());
        return java.util.Arrays.copyOfRange(bytes, (int) entry.offset(), (int) end);
    }

    /** Rewrites the whole log as its owner could: entries transformed, the chain recomputed from the start. */
    static void rewrite(Path log, UnaryOperator<List<EntryContent>> change) throws IOException {
        List<EntryContent> contents = new ArrayList<>();
        for (LogEntry entry : entries(log)) {
            contents.add(new EntryContent(entry.meta(), entry.data()));
        }
        List<EntryContent> changed = change.apply(contents);
        ByteBuffer out = ByteBuffer.allocate(64 * 1024 * 1024);
        out.put(LogFormat.MAGIC);
        ChainHead head = ChainHead.GENESIS;
        for (EntryContent content : changed) {
            LogFormat.EncodedRecord record = LogFormat.encode(head.seq() + 1, head.hash(), content.meta(),
                    content.data());
            out.put(record.bytes());
            head = new ChainHead(head.seq() + 1, record.hash());
        }
        for (Path segment : Segments.list(log)) {
            Files.delete(segment);
        }
        Files.write(log.resolve(LogFormat.segmentName(1)), java.util.Arrays.copyOf(out.array(), out.position()));
    }
}
