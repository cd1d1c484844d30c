package org.ncbgateway.audit;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Replays into a folder: one file {@code <messageId>.der} per message, written whole (temporary file then
 * atomic rename); a message already there with the same bytes is left as it is.
 */
public final class FolderTarget implements ReplayTarget {

    private static final Pattern SAFE_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$");
    private final Path dir;

    public FolderTarget(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    @Override
    public boolean deliver(ReplayedMessage message) throws IOException {
        if (!SAFE_ID.matcher(message.messageId()).matches()) {
            throw new IOException("messageId '" + message.messageId() + "' cannot name a file");
        }
        Path file = dir.resolve(message.messageId() + ".der");
        if (Files.exists(file)) {
            if (!Arrays.equals(Files.readAllBytes(file), message.wire())) {
                throw new FileAlreadyExistsException(file.toString(), null,
                        "holds other bytes than the logged message " + message.messageId());
            }
            return false;
        }
        Path partial = Files.createTempFile(dir, ".replay-", ".part");
        Files.write(partial, message.wire());
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    @Override
    public void close() {
        // each file is complete once moved; nothing is held open
    }
}
