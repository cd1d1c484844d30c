package org.ncbgateway.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A bound of a replay range, inclusive: a sequence number ({@code 42}) or an RFC 3339 UTC time
 * ({@code 2026-11-29T04:00:00Z}).
 */
public record LogRange(Bound from, Bound to) {

    /** One end of a range. */
    public record Bound(Long seq, Instant time) {

        public static Bound parse(String text, String option) {
            if (text.matches("^[0-9]{1,18}$")) {
                return new Bound(Long.parseLong(text), null);
            }
            try {
                return new Bound(null, Instant.parse(text));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(option + " '" + text
                        + "' is neither a sequence number nor an RFC 3339 UTC time like 2026-11-29T04:00:00Z");
            }
        }

        boolean atOrBefore(LogEntry entry) {
            return seq != null ? seq <= entry.seq() : !time.isAfter(entry.meta().time());
        }

        boolean atOrAfter(LogEntry entry) {
            return seq != null ? seq >= entry.seq() : !time.isBefore(entry.meta().time());
        }
    }

    public boolean contains(LogEntry entry) {
        return (from == null || from.atOrBefore(entry)) && (to == null || to.atOrAfter(entry));
    }
}
