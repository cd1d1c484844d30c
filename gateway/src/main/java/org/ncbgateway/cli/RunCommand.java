package org.ncbgateway.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.ncbgateway.gateway.GatewayNode;
import org.ncbgateway.gateway.NodeConfig;
import org.ncbgateway.gateway.NodeConfigException;
import org.ncbgateway.gateway.NodeConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ncb run}: runs one node until it is told to stop (SIGINT, SIGTERM), then stops gracefully. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a node: its broker, its routes, its drop and delivery folders, until stopped.")
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "the node's configuration")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        NodeConfig node;
        try {
            node = NodeConfigLoader.load(config);
        } catch (NodeConfigException e) {
            spec.commandLine().getErr().println("ncb run: " + e.getMessage());
            return 2;
        }
        GatewayNode running;
        try {
            running = GatewayNode.start(node, Clock.systemUTC());
        } catch (Exception e) {
            spec.commandLine().getErr().println("ncb run: node " + node.nodeCode() + " did not start: "
                    + CliErrors.describe(e));
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                System.err.println("ncb run: node " + node.nodeCode() + " did not stop cleanly: " + CliErrors.describe(e));
            } finally {
                stopped.countDown();
            }
        }, "ncb-shutdown"));
        spec.commandLine().getOut().println("node " + node.nodeCode() + " running; drop folder " + node.dropDir()
                + ", delivery folder " + node.deliveryDir() + "; Ctrl-C stops it");
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
