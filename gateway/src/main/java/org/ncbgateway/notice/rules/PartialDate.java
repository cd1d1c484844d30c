package org.ncbgateway.notice.rules;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * A date known to the year, the month or the day ({@code YYYY}, {@code YYYY-MM}, {@code YYYY-MM-DD}),
 * as dates of birth often are.
 */
record PartialDate(int year, Integer month, Integer day) {

    /** Empty when the text is not a real calendar date (a 30 February, a month 13). */
    static Optional<PartialDate> parse(String text) {
        try {
            String[] parts = text.split("-", -1);
            int year = Integer.parseInt(parts[0]);
            if (parts.length == 1) {
                return Optional.of(new PartialDate(year, null, null));
            }
            int month = Integer.parseInt(parts[1]);
            if (parts.length == 2) {
                YearMonth.of(year, month);
                return Optional.of(new PartialDate(year, month, null));
            }
            int day = Integer.parseInt(parts[2]);
            LocalDate.of(year, month, day);
            return Optional.of(new PartialDate(year, month, day));
        } catch (DateTimeException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    Optional<LocalDate> full() {
        return day == null ? Optional.empty() : Optional.of(LocalDate.of(year, month, day));
    }
}
