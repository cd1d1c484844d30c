package org.ncbgateway.cli.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The nodes log at the service level (INFO) while the benchmark runs, as in service, but into a file
 * of the run instead of the terminal, which keeps the table and the status line; closing puts the
 * terminal back. The nodes that do not run are unreachable: their bridges' retries stay out of the file.
 */
final class BenchLogging implements AutoCloseable {

    private static final String PATTERN = "ts=%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} level=%level node=%X{node:--} "
            + "messageId=%X{messageId:--} logger=%logger{0} %msg%n";
    private static final String BRIDGE_RETRIES = "org.apache.activemq.artemis.core.server";
    private static final String CONNECT_FAILURES = "org.apache.activemq.artemis.core.client";

    private final Logger root;
    private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();
    private final FileAppender<ILoggingEvent> file;
    private final Level server;
    private final Level client;
    private final Level rootLevel;

    private BenchLogging(Logger root, FileAppender<ILoggingEvent> file) {
        this.root = root;
        this.file = file;
        LoggerContext context = root.getLoggerContext();
        this.server = context.getLogger(BRIDGE_RETRIES).getLevel();
        this.client = context.getLogger(CONNECT_FAILURES).getLevel();
        this.rootLevel = root.getLevel();
        // the service level, even after a command of the same process (ncb demo) turned it down
        root.setLevel(Level.INFO);
        context.getLogger(BRIDGE_RETRIES).setLevel(Level.OFF);
        context.getLogger(CONNECT_FAILURES).setLevel(Level.OFF);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            detached.add(it.next());
        }
        detached.forEach(root::detachAppender);
        root.addAppender(file);
    }

    /** Sends the logs to {@code logFile}; null (which try-with-resources skips) when logback is not the binding. */
    static BenchLogging toFile(Path logFile) {
        if (!(LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof Logger root)) {
            return null;
        }
        LoggerContext context = root.getLoggerContext();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(context);
        file.setName("bench-file");
        file.setFile(logFile.toString());
        file.setEncoder(encoder);
        file.start();
        return new BenchLogging(root, file);
    }

    @Override
    public void close() {
        root.detachAppender(file);
        file.stop();
        detached.forEach(root::addAppender);
        root.setLevel(rootLevel);
        LoggerContext context = root.getLoggerContext();
        context.getLogger(BRIDGE_RETRIES).setLevel(server);
        context.getLogger(CONNECT_FAILURES).setLevel(client);
    }
}
