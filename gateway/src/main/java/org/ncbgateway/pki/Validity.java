package org.ncbgateway.pki;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** A validity window of a certificate, CRL or directory. */
public record Validity(Instant notBefore, Instant notAfter) {

    /** Certificates start a little in the past so that a peer whose clock is behind accepts them at once. */
    private static final Duration CLOCK_SKEW = Duration.ofHours(1);

    public Validity {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter " + notAfter + " is not after notBefore " + notBefore);
        }
    }

    /** From an hour before {@code now} for {@code days} days, to the second. */
    public static Validity days(Instant now, int days) {
        Instant start = now.truncatedTo(ChronoUnit.SECONDS).minus(CLOCK_SKEW);
        return new Validity(start, start.plus(Duration.ofDays(days)));
    }
}
