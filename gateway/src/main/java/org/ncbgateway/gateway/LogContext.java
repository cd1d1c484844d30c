package org.ncbgateway.gateway;

import java.util.UUID;
import org.slf4j.MDC;

/**
 * Puts the node code and the message in hand into the logging context (MDC keys {@code node} and
 * {@code messageId}), which logback.xml writes on every line. Several nodes may share a JVM (demo,
 * tests), so each node's threads carry their own code.
 */
public final class LogContext {

    private LogContext() {
    }

    /** This thread now works for {@code node} on {@code messageId}. */
    public static void enter(String node, UUID messageId) {
        MDC.put("node", node);
        MDC.put("messageId", messageId.toString());
    }

    /** This thread works for {@code node} on no particular message. */
    public static void node(String node) {
        MDC.put("node", node);
        MDC.remove("messageId");
    }
}
