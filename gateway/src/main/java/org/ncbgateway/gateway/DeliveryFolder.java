package org.ncbgateway.gateway;

import java.io.IOException;
import java.nio.file.Path;
import org.ncbgateway.message.MessageHeader;

/**
 * The folder where national systems pick up verified payloads: one file per message, named
 * {@code <from>-<kind>-<messageId>.json}, written atomically and durably: the content is forced before the
 * rename, the folder after it (one folder force for the deliveries of concurrent consumers). Writing the same
 * message again replaces the file with the same bytes, so a redelivery after a crash leaves one file.
 */
public final class DeliveryFolder {

    private final Path dir;
    private final FolderForces names;

    public DeliveryFolder(Path dir) {
        this.dir = dir.toAbsolutePath();
        this.names = new FolderForces(this.dir);
    }

    /** Returns once the file is on disk under its name (content and name forced): its message may be acknowledged. */
    public Path write(MessageHeader header, byte[] payload) throws IOException {
        Path file = dir.resolve(fileName(header));
        SafeFiles.writeAtomically(file, payload);
        names.force(names.renamed());
        return file;
    }

    /** Forces of the folder so far; concurrent deliveries share them. */
    long folderForces() {
        return names.forces();
    }

    static String fileName(MessageHeader header) {
        return header.from() + "-" + header.kind().wireName() + "-" + header.messageId() + ".json";
    }
}
