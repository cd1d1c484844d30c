package org.ncbgateway.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Owns the open segment file of a log: appends encoded records, rotates segments, forces them to disk. */
final class SegmentWriter implements AutoCloseable {

    private final Path dir;
    private final long segmentLimit;
    private FileChannel channel;
    private long size;
    private ChainHead head;

    SegmentWriter(Path dir, Path openSegment, ChainHead head, long segmentLimit) throws IOException {
        this.dir = dir;
        this.segmentLimit = segmentLimit;
        this.head = head;
        this.channel = FileChannel.open(openSegment, StandardOpenOption.WRITE);
        this.size = channel.size();
        channel.position(size);
    }

    ChainHead head() {
        return head;
    }

    /** Appends one entry after the current head; the caller forces before acknowledging it. */
    long append(EntryContent content) throws IOException {
        long seq = head.seq() + 1;
        LogFormat.EncodedRecord record = LogFormat.encode(seq, head.hash(), content.meta(), content.data());
        if (size > LogFormat.MAGIC.length && size + record.bytes().length > segmentLimit) {
            rotate(seq);
        }
        ByteBuffer buffer = ByteBuffer.wrap(record.bytes());
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        size += record.bytes().length;
        head = new ChainHead(seq, record.hash());
        return seq;
    }

    void force() throws IOException {
        channel.force(false);
    }

    private void rotate(long firstSeq) throws IOException {
        channel.force(false);
        channel.close();
        Path next = dir.resolve(LogFormat.segmentName(firstSeq));
        channel = Segments.create(dir, next);
        size = channel.size();
    }

    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            channel.force(false);
            channel.close();
        }
    }
}
