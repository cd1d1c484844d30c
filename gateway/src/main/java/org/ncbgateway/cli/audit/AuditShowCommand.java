package org.ncbgateway.cli.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ncbgateway.audit.MessageStory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ncb audit show}: the full story of one message across one or several logs. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show every entry concerning one message: its events at each node given, the receipts that answer "
                + "it, and the seals and witness countersignatures that cover them.",
                "Exit status: 0 found, 1 not in the logs, 2 bad input."})
public final class AuditShowCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "LOG", description = "a node's log folder")
    List<Path> logs;

    @Option(names = "--message", required = true, paramLabel = "ID", description = "the header messageId")
    String messageId;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            logs.forEach(LogFolders::requireLog);
            MessageStory story = MessageStory.of(logs, messageId);
            if (story.events().isEmpty()) {
                err.println("ncb audit show: message " + messageId + " is not in " + logs);
                return 1;
            }
            print(out, story);
            out.flush();
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            err.println("ncb audit show: " + e.getMessage());
            return 2;
        }
    }

    private void print(PrintWriter out, MessageStory story) {
        out.println("message " + story.messageId());
        story.header().ifPresent(h -> out.println("  header: " + headerLine(h)));
        for (MessageStory.Event event : story.events()) {
            out.println("  " + event.describe());
        }
    }

    private static String headerLine(JsonNode h) {
        return "kind " + h.path("kind").asText("?") + ", from " + h.path("from").asText("?") + ", to "
                + h.path("to") + (h.path("excluded").isEmpty() ? "" : ", excluded " + h.path("excluded"))
                + ", sent " + h.path("sentAt").asText("?") + ", expires " + h.path("expiresAt").asText("?")
                + (h.hasNonNull("inReplyTo") ? ", in reply to " + h.path("inReplyTo").asText() : "")
                + ", " + h.path("priority").asText("normal");
    }
}
