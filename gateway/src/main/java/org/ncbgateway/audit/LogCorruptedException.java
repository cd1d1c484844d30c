package org.ncbgateway.audit;

import java.io.IOException;
import java.nio.file.Path;

/** A log that is damaged other than by a torn tail: a node refuses to write after it; an auditor must look. */
public final class LogCorruptedException extends IOException {

    private static final long serialVersionUID = 1L;

    public LogCorruptedException(Path file, long offset, String reason) {
        super(file + "@" + offset + ": " + reason);
    }
}
