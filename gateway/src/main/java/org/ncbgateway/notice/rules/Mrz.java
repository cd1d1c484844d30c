package org.ncbgateway.notice.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of an ICAO 9303 machine-readable zone that a notice can be checked against, with each
 * check digit as printed and as computed. TD1: three lines of 30; TD3: two lines of 44.
 *
 * @param issuingState three characters, filler included ("D<<" for Germany)
 * @param documentNumber the number without filler, including a TD1 overflow
 * @param checks every check digit of the zone
 */
record Mrz(String format, String issuingState, String documentNumber, String dateOfBirth, String expiry,
           List<Check> checks) {

    /** One check digit: which field, which line (0-based) it is printed on, printed and computed value. */
    record Check(String field, int line, char printed, char computed) {
        boolean ok() {
            return printed == computed;
        }
    }

    /** Null when the lines are neither TD1 nor TD3. */
    static Mrz parse(List<String> lines) {
        if (lines.size() == 3 && lines.stream().allMatch(l -> l.length() == 30)) {
            return td1(lines.get(0), lines.get(1));
        }
        if (lines.size() == 2 && lines.stream().allMatch(l -> l.length() == 44)) {
            return td3(lines.get(1), lines.get(0));
        }
        return null;
    }

    private static Mrz td3(String line2, String line1) {
        List<Check> checks = new ArrayList<>();
        checks.add(check("document number", 1, line2.substring(0, 9), line2.charAt(9)));
        checks.add(check("date of birth", 1, line2.substring(13, 19), line2.charAt(19)));
        checks.add(check("date of expiry", 1, line2.substring(21, 27), line2.charAt(27)));
        String personal = line2.substring(28, 42);
        // ICAO 9303 allows filler as the check digit of an empty personal number field.
        if (!(personal.chars().allMatch(c -> c == '<') && line2.charAt(42) == '<')) {
            checks.add(check("personal number", 1, personal, line2.charAt(42)));
        }
        String composite = line2.substring(0, 10) + line2.substring(13, 20) + line2.substring(21, 43);
        checks.add(check("composite", 1, composite, line2.charAt(43)));
        return new Mrz("TD3", line1.substring(2, 5), strip(line2.substring(0, 9)),
                line2.substring(13, 19), line2.substring(21, 27), checks);
    }

    private static Mrz td1(String line1, String line2) {
        List<Check> checks = new ArrayList<>();
        String number = line1.substring(5, 14);
        if (line1.charAt(14) == '<' && line1.charAt(15) != '<') {
            // A number longer than nine characters continues in the optional data, followed by its
            // check digit and a filler (ICAO 9303 Part 5, 4.2.4).
            int end = line1.indexOf('<', 15);
            String overflow = line1.substring(15, end < 0 ? 30 : end);
            String extended = number + overflow.substring(0, overflow.length() - 1);
            checks.add(check("document number", 0, extended, overflow.charAt(overflow.length() - 1)));
            number = extended;
        } else {
            checks.add(check("document number", 0, number, line1.charAt(14)));
        }
        checks.add(check("date of birth", 1, line2.substring(0, 6), line2.charAt(6)));
        checks.add(check("date of expiry", 1, line2.substring(8, 14), line2.charAt(14)));
        String composite = line1.substring(5, 30) + line2.substring(0, 7) + line2.substring(8, 15)
                + line2.substring(18, 29);
        checks.add(check("composite", 1, composite, line2.charAt(29)));
        return new Mrz("TD1", line1.substring(2, 5), strip(number), line2.substring(0, 6),
                line2.substring(8, 14), checks);
    }

    private static Check check(String field, int line, String data, char printed) {
        return new Check(field, line, printed, MrzCheckDigit.of(data));
    }

    private static String strip(String field) {
        int end = field.length();
        while (end > 0 && field.charAt(end - 1) == '<') {
            end--;
        }
        return field.substring(0, end);
    }
}
