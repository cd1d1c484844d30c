package org.ncbgateway.gateway;

import java.util.ArrayList;
import java.util.List;

/**
 * A failure as an operator reads it in a log line or a {@code .reason} file: the exception's class and
 * message, and, when its message says nothing (a JMS or interrupt failure while a node stops often has
 * none), the first cause that does. Never empty.
 */
public final class FailureReasons {

    private FailureReasons() {
    }

    public static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        String outer = failure.getClass().getSimpleName();
        for (Throwable t : chain) {
            String message = t.getMessage();
            if (message != null && !message.isBlank()) {
                String named = t.getClass().getSimpleName() + ": " + message.strip();
                return t == failure ? named : outer + " (caused by " + named + ")";
            }
        }
        Throwable root = chain.get(chain.size() - 1);
        return root == failure ? outer + " (no message)" : outer + " (caused by " + root.getClass().getSimpleName() + ")";
    }
}
