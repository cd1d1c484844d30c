package org.ncbgateway.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a log folder's entries in order for tools that need them intact (show, replay): any damage other
 * than a torn tail at the very end stops the read with the place and reason. {@code ncb audit verify}
 * is the tool that describes damage; this one only refuses it.
 */
public final class LogReader {

    /** Receives each entry in order. */
    @FunctionalInterface
    public interface EntryVisitor {
        /** @return false to stop reading */
        boolean visit(LogEntry entry) throws IOException;
    }

    private LogReader() {
    }

    public static void read(Path dir, EntryVisitor visitor) throws IOException {
        List<Path> segments = Segments.list(dir);
        ChainHead previous = ChainHead.GENESIS;
        for (int i = 0; i < segments.size(); i++) {
            boolean last = i == segments.size() - 1;
            previous = readSegment(segments.get(i), previous, last, visitor);
            if (previous == null) {
                return;
            }
        }
    }

    private static ChainHead readSegment(Path segment, ChainHead previous, boolean last, EntryVisitor visitor)
            throws IOException {
        try (SegmentScanner scanner = new SegmentScanner(segment)) {
            SegmentScanner.Broken badMagic = scanner.readMagic();
            if (badMagic != null) {
                throw new LogCorruptedException(segment, 0, badMagic.reason());
            }
            while (true) {
                SegmentScanner.Step step = scanner.next();
                if (step instanceof SegmentScanner.End) {
                    return previous;
                }
                if (step instanceof SegmentScanner.Broken broken) {
                    if (last && broken.incomplete()) {
                        return previous;
                    }
                    throw new LogCorruptedException(segment, broken.offset(), broken.reason());
                }
                SegmentScanner.Record record = (SegmentScanner.Record) step;
                LogEntry entry = decode(segment, record, previous);
                if (!visitor.visit(entry)) {
                    return null;
                }
                previous = entry.head();
            }
        }
    }

    private static LogEntry decode(Path segment, SegmentScanner.Record record, ChainHead previous) throws IOException {
        if (!record.hashMatches()) {
            throw new LogCorruptedException(segment, record.offset(), "entry hash does not match its body");
        }
        LogFormat.DecodedBody body;
        try {
            body = LogFormat.decodeBody(record.body());
        } catch (LogFormat.MalformedEntryException e) {
            throw new LogCorruptedException(segment, record.offset(), e.getMessage());
        }
        if (body.seq() != previous.seq() + 1 || !Arrays.equals(body.prevHash(), previous.hash())) {
            throw new LogCorruptedException(segment, record.offset(), "entry seq " + body.seq()
                    + " does not follow seq " + previous.seq() + " in the chain");
        }
        return new LogEntry(body.seq(), body.prevHash(), body.meta(), body.data(), record.storedHash(), segment,
                record.offset());
    }
}
