package org.ncbgateway.audit;

import java.nio.file.Path;

/**
 * What crash recovery cut off the end of a log: an entry whose write a crash interrupted. It was never
 * acknowledged (an append returns only after its entry is forced), so nothing acknowledged is lost.
 */
public record TornTail(Path file, long offset, long truncatedBytes, long lastGoodSeq, String reason) {

    public String describe() {
        return "torn tail after seq " + lastGoodSeq + ": " + truncatedBytes + " bytes truncated at "
                + file.getFileName() + "@" + offset + " (" + reason + ")";
    }
}
