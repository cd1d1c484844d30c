package org.ncbgateway.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One thing wrong with a log, at the entry it concerns.
 *
 * @param log the log folder (as given to the auditor)
 * @param seq the sequence number of the bad entry (for a missing one, the number that is missing)
 * @param file the segment file it is in, or where it should be
 * @param offset its byte offset in that file, -1 when it has none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"log", "seq", "file", "offset", "code", "why", "expected", "actual"})
public record Finding(String log, long seq, String file, long offset, FindingCode code, String why,
                      String expected, String actual) {

    static Finding at(String log, LogEntry entry, FindingCode code, String why, String expected, String actual) {
        return new Finding(log, entry.seq(), entry.file().getFileName().toString(), entry.offset(), code, why,
                expected, actual);
    }

    /** One line for a terminal: {@code log seq N (file@offset) CODE: why [expected X, actual Y]}. */
    public String describe() {
        StringBuilder line = new StringBuilder().append(log).append(" seq ").append(seq);
        if (file != null) {
            line.append(" (").append(file).append(offset >= 0 ? "@" + offset : "").append(')');
        }
        line.append(' ').append(code).append(": ").append(why);
        if (expected != null || actual != null) {
            line.append(" [expected ").append(expected).append(", actual ").append(actual).append(']');
        }
        return line.toString();
    }
}
