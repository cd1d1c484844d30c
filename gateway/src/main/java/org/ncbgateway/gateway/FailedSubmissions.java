package org.ncbgateway.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Explains why a file of the drop folder was not sent: the file itself is moved to {@code failed/}
 * and this writes {@code failed/<name>.reason} beside it, so an operator sees both.
 */
public final class FailedSubmissions {

    private final Path failedDir;

    public FailedSubmissions(Path dropDir) {
        this.failedDir = dropDir.resolve("failed");
    }

    public Path explain(String fileName, Throwable failure) throws IOException {
        Path reasonFile = failedDir.resolve(fileName + ".reason");
        SafeFiles.writeAtomically(reasonFile, (reason(failure) + "\n").getBytes(StandardCharsets.UTF_8));
        return reasonFile;
    }

    static String reason(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? FailureReasons.describe(failure) : message;
    }

    public Path failedDir() {
        return failedDir;
    }
}
