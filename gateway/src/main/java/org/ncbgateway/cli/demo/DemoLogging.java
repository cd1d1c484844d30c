package org.ncbgateway.cli.demo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo prints its own story on stdout; the nodes' logs (stderr) are kept to warnings and worse while it
 * runs, and closing puts the levels back for whatever the same process does next.
 */
final class DemoLogging implements AutoCloseable {

    // peers of the directory that are not part of the demo are unreachable: their bridges retry quietly
    private static final String BRIDGE_RETRIES = "org.apache.activemq.artemis.core.server";

    private final Logger root;
    private final Logger server;
    private final Level rootLevel;
    private final Level serverLevel;

    private DemoLogging(Logger root, Logger server) {
        this.root = root;
        this.server = server;
        this.rootLevel = root.getLevel();
        this.serverLevel = server.getLevel();
        root.setLevel(Level.WARN);
        server.setLevel(Level.ERROR);
    }

    /** Quiets the nodes' logs; null (which try-with-resources skips) when logback is not the binding. */
    static DemoLogging quiet() {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            return new DemoLogging(root, root.getLoggerContext().getLogger(BRIDGE_RETRIES));
        }
        return null;
    }

    @Override
    public void close() {
        root.setLevel(rootLevel);
        server.setLevel(serverLevel);
    }
}
