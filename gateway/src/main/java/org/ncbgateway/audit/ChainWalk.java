package org.ncbgateway.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Walks every segment of a log in order and checks its structure and chain, naming each broken entry:
 * altered (hash), missing, inserted, reordered, not chained, malformed, torn. Each readable entry is
 * handed on for the content checks; the walk resynchronises after a break so that one damage is one finding.
 */
final class ChainWalk {

    /** Receives each entry whose own bytes are intact. */
    @FunctionalInterface
    interface EntryHandler {
        void entry(LogEntry entry);
    }

    private record Place(String file, long offset) {
    }

    private final String log;
    private final Consumer<Finding> findings;
    private final HashIndex hashes = new HashIndex();
    private final Map<Long, Place> missing = new TreeMap<>();
    private LogEntry previous;
    private LogEntry beforePrevious;
    private long records;

    ChainWalk(String log, Consumer<Finding> findings) {
        this.log = log;
        this.findings = findings;
    }

    HashIndex hashes() {
        return hashes;
    }

    /** Entries read, intact or not. */
    long records() {
        return records;
    }

    ChainHead head() {
        return previous == null ? ChainHead.GENESIS : previous.head();
    }

    void walk(Path dir, EntryHandler handler) throws IOException {
        List<Path> segments = Segments.list(dir);
        for (int i = 0; i < segments.size(); i++) {
            walkSegment(segments.get(i), i == segments.size() - 1, handler);
        }
        missing.forEach((seq, place) -> findings.accept(new Finding(log, seq, place.file(), place.offset(),
                FindingCode.ENTRY_MISSING, "entry " + seq + " is missing: the chain goes from entry " + (seq - 1)
                + " to a later one", "seq " + seq, "absent")));
    }

    private void walkSegment(Path segment, boolean last, EntryHandler handler) throws IOException {
        String name = segment.getFileName().toString();
        try (SegmentScanner scanner = new SegmentScanner(segment)) {
            SegmentScanner.Broken badMagic = scanner.readMagic();
            if (badMagic != null) {
                findings.accept(new Finding(log, head().seq() + 1, name, 0, FindingCode.SEGMENT_INVALID,
                        badMagic.reason(), "NCBLOG1\\n", "other bytes"));
                return;
            }
            while (true) {
                SegmentScanner.Step step = scanner.next();
                if (step instanceof SegmentScanner.End) {
                    return;
                }
                if (step instanceof SegmentScanner.Broken broken) {
                    boolean torn = last && broken.incomplete();
                    findings.accept(new Finding(log, head().seq() + 1, name, broken.offset(),
                            torn ? FindingCode.TORN_TAIL : FindingCode.RECORD_UNREADABLE,
                            (torn ? "incomplete last entry (a crash during its write; the node truncates it on "
                                    + "restart): " : "unreadable record: ") + broken.reason(), null, null));
                    return;
                }
                records++;
                record(segment, (SegmentScanner.Record) step, handler);
            }
        }
    }

    private void record(Path segment, SegmentScanner.Record record, EntryHandler handler) {
        String name = segment.getFileName().toString();
        LogFormat.DecodedBody body;
        try {
            body = LogFormat.decodeBody(record.body());
        } catch (LogFormat.MalformedEntryException e) {
            findings.accept(new Finding(log, head().seq() + 1, name, record.offset(),
                    record.hashMatches() ? FindingCode.ENTRY_MALFORMED : FindingCode.ENTRY_ALTERED,
                    "entry cannot be decoded: " + e.getMessage(), null, null));
            return;
        }
        LogEntry entry = new LogEntry(body.seq(), body.prevHash(), body.meta(), body.data(), record.storedHash(),
                segment, record.offset());
        if (!record.hashMatches()) {
            findings.accept(Finding.at(log, entry, FindingCode.ENTRY_ALTERED,
                    "entry " + entry.seq() + " was altered: its bytes no longer hash to its stored entry hash",
                    entry.hashHex(), HexFormat.of().formatHex(LogFormat.sha256(record.body()))));
        }
        if (link(entry) && record.hashMatches()) {
            handler.entry(entry);
        }
    }

    /** Places an entry in the chain; returns false when it is outside it (reordered or duplicated). */
    private boolean link(LogEntry entry) {
        long expected = head().seq() + 1;
        if (entry.seq() == expected) {
            if (!Arrays.equals(entry.prevHash(), head().hash())) {
                findings.accept(Finding.at(log, entry, FindingCode.CHAIN_BROKEN, "entry " + entry.seq()
                        + " does not chain to entry " + head().seq() + ": one of them was altered and re-hashed",
                        head().hashHex(), entry.prevHashHex()));
            }
            advance(entry);
            return true;
        }
        if (entry.seq() > expected) {
            for (long seq = expected; seq < entry.seq(); seq++) {
                missing.put(seq, new Place(entry.file().getFileName().toString(), entry.offset()));
            }
            advance(entry);
            return true;
        }
        if (previous != null && entry.seq() == previous.seq() && beforePrevious != null
                && Arrays.equals(entry.prevHash(), beforePrevious.hash())) {
            findings.accept(Finding.at(log, previous, FindingCode.ENTRY_INSERTED, "entry " + previous.seq() + " at "
                    + previous.place() + " was inserted: the chain continues from entry " + beforePrevious.seq()
                    + " with the entry at " + entry.place(), "entry at " + entry.place(), "entry at "
                    + previous.place()));
            previous = entry;
            hashes.put(entry.seq(), entry.hash());
            return true;
        }
        if (missing.remove(entry.seq()) != null) {
            findings.accept(Finding.at(log, entry, FindingCode.ENTRY_REORDERED, "entry " + entry.seq()
                    + " comes after entry " + head().seq(), "seq " + expected, "seq " + entry.seq()));
            hashes.put(entry.seq(), entry.hash());
            return true;
        }
        findings.accept(Finding.at(log, entry, FindingCode.ENTRY_INSERTED, "a second entry with seq " + entry.seq()
                + " after entry " + head().seq(), "seq " + expected, "seq " + entry.seq()));
        return false;
    }

    private void advance(LogEntry entry) {
        beforePrevious = previous;
        previous = entry;
        hashes.put(entry.seq(), entry.hash());
    }
}
