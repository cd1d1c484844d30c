package org.ncbgateway.audit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the chain head of a log folder on open and cuts off a torn tail: a last record that a crash left
 * incomplete (bytes missing, only zeros, or a hash that does not match the body of the very last record).
 * Anything else wrong in the open segment is corruption and stops the open.
 */
final class LogRecovery {

    record Result(Path openSegment, ChainHead head, TornTail tornTail) {
    }

    private LogRecovery() {
    }

    static Result recover(Path dir) throws IOException {
        List<Path> segments = Segments.list(dir);
        if (segments.isEmpty()) {
            Path first = dir.resolve(LogFormat.segmentName(1));
            Segments.create(dir, first).close();
            return new Result(first, ChainHead.GENESIS, null);
        }
        Path last = segments.get(segments.size() - 1);
        ScanOutcome outcome = scan(last, LogFormat.firstSeqOf(last.getFileName().toString()));
        TornTail torn = null;
        if (outcome.brokenAt >= 0) {
            long lastSeq = outcome.head == null ? LogFormat.firstSeqOf(last.getFileName().toString()) - 1
                    : outcome.head.seq();
            torn = truncate(last, outcome.brokenAt, lastSeq, outcome.brokenReason);
        }
        ChainHead head = outcome.head;
        for (int i = segments.size() - 2; head == null && i >= 0; i--) {
            head = scan(segments.get(i), LogFormat.firstSeqOf(segments.get(i).getFileName().toString())).head;
        }
        return new Result(last, head == null ? ChainHead.GENESIS : head, torn);
    }

    private static final class ScanOutcome {
        ChainHead head;
        long brokenAt = -1;
        String brokenReason;
    }

    private static ScanOutcome scan(Path segment, long firstSeq) throws IOException {
        ScanOutcome outcome = new ScanOutcome();
        try (SegmentScanner scanner = new SegmentScanner(segment)) {
            SegmentScanner.Broken badMagic = scanner.readMagic();
            if (badMagic != null) {
                if (!badMagic.incomplete()) {
                    throw new LogCorruptedException(segment, 0, badMagic.reason());
                }
                outcome.brokenAt = 0;
                outcome.brokenReason = badMagic.reason();
                return outcome;
            }
            long expectedSeq = firstSeq;
            while (true) {
                SegmentScanner.Step step = scanner.next();
                if (step instanceof SegmentScanner.End) {
                    return outcome;
                }
                if (step instanceof SegmentScanner.Broken broken) {
                    if (!broken.incomplete()) {
                        throw new LogCorruptedException(segment, broken.offset(), broken.reason());
                    }
                    outcome.brokenAt = broken.offset();
                    outcome.brokenReason = broken.reason();
                    return outcome;
                }
                SegmentScanner.Record record = (SegmentScanner.Record) step;
                if (!record.hashMatches()) {
                    if (record.nextOffset() == java.nio.file.Files.size(segment)) {
                        outcome.brokenAt = record.offset();
                        outcome.brokenReason = "last record's hash does not match its body";
                        return outcome;
                    }
                    throw new LogCorruptedException(segment, record.offset(), "entry hash does not match its body");
                }
                outcome.head = link(segment, record, expectedSeq, outcome.head);
                expectedSeq++;
            }
        }
    }

    private static ChainHead link(Path segment, SegmentScanner.Record record, long expectedSeq, ChainHead previous)
            throws IOException {
        LogFormat.DecodedBody body;
        try {
            body = LogFormat.decodeBody(record.body());
        } catch (LogFormat.MalformedEntryException e) {
            throw new LogCorruptedException(segment, record.offset(), e.getMessage());
        }
        if (body.seq() != expectedSeq) {
            throw new LogCorruptedException(segment, record.offset(), "seq " + body.seq() + ", expected " + expectedSeq);
        }
        if (previous != null && !Arrays.equals(previous.hash(), body.prevHash())) {
            throw new LogCorruptedException(segment, record.offset(), "previous hash does not match entry "
                    + previous.seq());
        }
        return new ChainHead(body.seq(), record.storedHash());
    }

    private static TornTail truncate(Path segment, long offset, long lastGoodSeq, String reason) throws IOException {
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            long size = channel.size();
            if (offset == 0) {
                channel.truncate(0);
                channel.write(java.nio.ByteBuffer.wrap(LogFormat.MAGIC));
                offset = LogFormat.MAGIC.length;
            } else {
                channel.truncate(offset);
            }
            channel.force(true);
            return new TornTail(segment, offset, Math.max(0, size - offset), lastGoodSeq, reason);
        }
    }
}
