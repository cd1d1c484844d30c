package org.ncbgateway.cli.demo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** The demo prints its own story on stdout; the nodes' logs (stderr) are kept to warnings and worse. */
final class DemoLogging {

    private DemoLogging() {
    }

    static void quiet() {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.WARN);
        }
        // peers of the directory that are not part of the demo are unreachable: their bridges retry quietly
        if (LoggerFactory.getLogger("org.apache.activemq.artemis.core.server") instanceof Logger server) {
            server.setLevel(Level.ERROR);
        }
    }
}
