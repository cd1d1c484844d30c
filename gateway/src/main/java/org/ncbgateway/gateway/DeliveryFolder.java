package org.ncbgateway.gateway;

import java.io.IOException;
import java.nio.file.Path;
import org.ncbgateway.message.MessageHeader;

/**
 * The folder where national systems pick up verified payloads: one file per message, named
 * {@code <from>-<kind>-<messageId>.json}, written atomically. Writing the same message again
 * replaces the file with the same bytes, so a redelivery after a crash leaves one file.
 */
public final class DeliveryFolder {

    private final Path dir;

    public DeliveryFolder(Path dir) {
        this.dir = dir;
    }

    public Path write(MessageHeader header, byte[] payload) throws IOException {
        Path file = dir.resolve(fileName(header));
        SafeFiles.writeAtomically(file, payload);
        return file;
    }

    static String fileName(MessageHeader header) {
        return header.from() + "-" + header.kind().wireName() + "-" + header.messageId() + ".json";
    }
}
