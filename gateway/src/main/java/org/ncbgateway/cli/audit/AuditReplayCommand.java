package org.ncbgateway.cli.audit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ncbgateway.audit.EntryType;
import org.ncbgateway.audit.FolderTarget;
import org.ncbgateway.audit.LogRange;
import org.ncbgateway.audit.LogReplayer;
import org.ncbgateway.audit.QueueTarget;
import org.ncbgateway.audit.ReplayTarget;
import org.ncbgateway.gateway.GatewayNode;
import org.ncbgateway.gateway.NodeConfig;
import org.ncbgateway.gateway.NodeConfigException;
import org.ncbgateway.gateway.NodeConfigLoader;
import org.ncbgateway.transport.ExternalBroker;
import org.ncbgateway.transport.ExternalBrokerSettings;
import org.ncbgateway.transport.TransportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ncb audit replay}: re-injects a range of logged messages into a folder, a queue or a node, idempotently. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Re-inject the wire bytes of a range of logged messages, each message once, idempotently: "
                + "replaying the same range twice changes nothing.",
                "TARGET is dir:PATH (one MESSAGEID.der file per message) or queue:URL[#QUEUE] (an Artemis core URL; "
                + "QUEUE defaults to ncb.in, so a node is reached through queue:tcp://HOST:PORT?sslEnabled=true&...). "
                + "With --as CONFIG, queue:tcp://HOST:PORT logs in over mutual TLS as that node (no passwords in the URL). "
                + "Every queued message carries _AMQ_DUPL_ID = messageId, so the broker drops a second copy.",
                "A broker that is down or goes down is retried a few times, then the replay stops with the target, "
                + "the reason and the count replayed before; running it again is safe.",
                "Exit status: 0 done, 1 a message could not be delivered, 2 bad input."})
public final class AuditReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "LOG", description = "a node's log folder")
    Path log;

    @Option(names = "--from", paramLabel = "SEQ|TIME", description = "first entry, inclusive (default: the first)")
    String from;

    @Option(names = "--to", paramLabel = "SEQ|TIME", description = "last entry, inclusive (default: the last)")
    String to;

    @Option(names = "--into", required = true, paramLabel = "TARGET", description = "dir:PATH or queue:URL[#QUEUE]")
    String into;

    @Option(names = "--types", split = ",", paramLabel = "TYPE", defaultValue = "received",
            description = "entry types whose messages are replayed (default: ${DEFAULT-VALUE}; e.g. received,sent)")
    List<String> types;

    @Option(names = "--as", paramLabel = "CONFIG", description = "a node's configuration (node.properties): a queue "
            + "target is reached over mutual TLS with that node's TLS certificate, the federation truststore and CRL, "
            + "passwords read from their files; the URL is then tcp://HOST:PORT without options")
    Path as;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LogRange range;
        Set<EntryType> selected;
        try {
            LogFolders.requireLog(log);
            range = new LogRange(from == null ? null : LogRange.Bound.parse(from, "--from"),
                    to == null ? null : LogRange.Bound.parse(to, "--to"));
            selected = types(types);
        } catch (IllegalArgumentException e) {
            err.println("ncb audit replay: " + e.getMessage());
            return 2;
        }
        try (ReplayTarget target = target(into, as)) {
            LogReplayer.Result result = new LogReplayer(selected).replay(log, range, target,
                    (done, total) -> progress(err, done, total));
            out.printf("replayed %d message(s) into %s: %d delivered, %d already there%n", result.selected(), into,
                    result.delivered(), result.alreadyThere());
            out.flush();
            return 0;
        } catch (IllegalArgumentException | NodeConfigException e) {
            err.println("ncb audit replay: " + e.getMessage());
            return 2;
        } catch (LogReplayer.Stopped e) {
            err.println();
            err.printf("ncb audit replay: stopped after %d of %d message(s) into %s: %s%n", e.replayed(), e.total(),
                    into, e.getMessage());
            err.println("ncb audit replay: replaying is idempotent; run the same command again once the target is back");
            return 1;
        } catch (IOException e) {
            err.println();
            err.println("ncb audit replay: " + e.getMessage());
            err.println("ncb audit replay: nothing replayed into " + into);
            return 1;
        }
    }

    static Set<EntryType> types(List<String> names) {
        Set<EntryType> set = EnumSet.noneOf(EntryType.class);
        for (String name : names) {
            EntryType type = EntryType.fromWireName(name).filter(EntryType::isMessageEvent).orElseThrow(() ->
                    new IllegalArgumentException("--types: '" + name + "' is not a message event type"));
            set.add(type);
        }
        return set;
    }

    static ReplayTarget target(String target, Path as) throws IOException {
        if (target.startsWith("dir:") && target.length() > 4) {
            if (as != null) {
                throw new IllegalArgumentException("--as applies to a queue: target only, not to " + target);
            }
            return new FolderTarget(Path.of(target.substring(4)));
        }
        if (target.startsWith("queue:") && target.length() > 6) {
            String url = target.substring(6);
            int hash = url.lastIndexOf('#');
            String queue = hash < 0 ? "ncb.in" : url.substring(hash + 1);
            String broker = hash < 0 ? url : url.substring(0, hash);
            return as == null ? new QueueTarget(broker, queue) : asNode(broker, queue, NodeConfigLoader.load(as));
        }
        throw new IllegalArgumentException("--into '" + target + "': expected dir:PATH or queue:URL[#QUEUE]");
    }

    /** Logs in the way the node's own broker links do, so the target broker sees that node's certificate. */
    private static ReplayTarget asNode(String broker, String queue, NodeConfig node) throws IOException {
        ExternalBrokerSettings settings;
        try {
            settings = ExternalBrokerSettings.parse(broker, GatewayNode.tls(node));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--into: " + e.getMessage(), e);
        }
        try {
            return new QueueTarget(ExternalBroker.connectionFactory(settings), broker + " as " + node.nodeCode(),
                    queue);
        } catch (TransportException e) {
            throw new IOException("--as " + node.nodeCode() + ": " + e.getMessage(), e);
        }
    }

    private static void progress(PrintWriter err, int done, int total) {
        int width = 30;
        int filled = total == 0 ? width : done * width / total;
        err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total);
        if (done == total) {
            err.println();
        }
        err.flush();
    }
}
