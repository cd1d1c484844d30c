package org.ncbgateway.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/** Finds and creates the segment files of a log folder. */
public final class Segments {

    private Segments() {
    }

    /** The segment files of a log folder, in sequence order (by the first seq in their name). */
    public static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "not a log folder");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> LogFormat.isSegmentName(p.getFileName().toString()))
                    .sorted()
                    .toList();
        }
    }

    /** Creates a segment holding only the magic, durably (file and folder entry forced), open for writing at its end. */
    static FileChannel create(Path dir, Path segment) throws IOException {
        FileChannel channel = FileChannel.open(segment, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        ByteBuffer magic = ByteBuffer.wrap(LogFormat.MAGIC);
        while (magic.hasRemaining()) {
            channel.write(magic);
        }
        channel.force(true);
        forceDirectory(dir);
        return channel;
    }

    /** Makes a new or renamed file's folder entry durable; without it a crash can lose the whole file. */
    static void forceDirectory(Path dir) throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }
}
