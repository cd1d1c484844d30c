package org.ncbgateway.cli.bench;

import java.io.PrintWriter;
import java.util.Locale;

/** One line on the terminal's error stream that the benchmark rewrites while it runs, then clears. */
final class StatusLine {

    private static final long EVERY_NANOS = 500_000_000L;

    private final PrintWriter err;
    private long last;
    private int width;

    StatusLine(PrintWriter err) {
        this.err = err;
    }

    /** Shows the text at once. */
    synchronized void show(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        err.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
        err.flush();
        width = text.length();
        last = System.nanoTime();
    }

    /** Shows the text unless the line changed less than half a second ago. */
    synchronized void update(String format, Object... args) {
        if (System.nanoTime() - last >= EVERY_NANOS) {
            show(format, args);
        }
    }

    /** Leaves the current text on its own line. */
    synchronized void keep() {
        if (width > 0) {
            err.println();
            err.flush();
            width = 0;
        }
    }

    /** Erases the line. */
    synchronized void clear() {
        if (width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }
}
