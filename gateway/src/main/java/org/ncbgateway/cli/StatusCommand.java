package org.ncbgateway.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.ncbgateway.gateway.DeliveryStatusStore;
import org.ncbgateway.gateway.MessageStatus;
import org.ncbgateway.gateway.NodeConfig;
import org.ncbgateway.gateway.NodeConfigException;
import org.ncbgateway.gateway.NodeConfigLoader;
import org.ncbgateway.json.StrictJson;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ncb status}: which recipients of a sent message have delivered, rejected (why) or are pending. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Delivery status of messages this node sent: per recipient pending, delivered or rejected.")
public final class StatusCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "the node's configuration")
    Path config;

    @ArgGroup(multiplicity = "1")
    Selection selection;

    @Option(names = "--json", description = "machine-readable output")
    boolean json;

    @Spec
    CommandSpec spec;

    static final class Selection {
        @Parameters(paramLabel = "MESSAGE_ID", description = "the header messageId printed by ncb send")
        UUID messageId;

        @Option(names = "--pending", description = "every message that still awaits a receipt")
        boolean pending;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NodeConfig node;
        try {
            node = NodeConfigLoader.load(config);
        } catch (NodeConfigException e) {
            err.println("ncb status: " + e.getMessage());
            return 2;
        }
        if (selection.pending) {
            List<MessageStatus> pending = DeliveryStatusStore.pending(node.statusFile(), Instant.now());
            out.print(json ? toJson(pending) : StatusTable.pending(pending));
            out.flush();
            return 0;
        }
        Optional<MessageStatus> found = DeliveryStatusStore.read(node.statusFile(), selection.messageId);
        if (found.isEmpty()) {
            err.println("ncb status: " + node.nodeCode() + " has sent no message " + selection.messageId
                    + " (" + node.statusFile() + ")");
            return 1;
        }
        out.print(json ? toJson(found.get()) : StatusTable.message(found.get()));
        out.flush();
        return 0;
    }

    private static String toJson(Object value) throws IOException {
        ObjectMapper mapper = StrictJson.mapper().enable(SerializationFeature.INDENT_OUTPUT);
        return mapper.writeValueAsString(value) + System.lineSeparator();
    }
}
