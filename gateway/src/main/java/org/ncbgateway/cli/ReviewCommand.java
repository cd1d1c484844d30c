package org.ncbgateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ncbgateway.gateway.NodeConfig;
import org.ncbgateway.gateway.NodeConfigException;
import org.ncbgateway.gateway.NodeConfigLoader;
import org.ncbgateway.gateway.ReviewDesk;
import org.ncbgateway.gateway.ReviewException;
import org.ncbgateway.gateway.ReviewItem;
import org.ncbgateway.json.StrictJson;
import org.ncbgateway.notice.NoticeValidator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ncb review}: the secretariat's reviewer works through the notice requests (SPEC section 2). */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "List, show, publish or refuse the notice requests waiting at the secretariat.",
        subcommands = {ReviewCommand.ListRequests.class, ReviewCommand.Show.class, ReviewCommand.Publish.class,
                ReviewCommand.Refuse.class})
public final class ReviewCommand implements Runnable {

    private static final String SECRETARIAT = "GS";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand of 'review' is required");
    }

    /** What every review verb shares: the secretariat's configuration, and one-line errors. */
    abstract static class ReviewVerb implements Callable<Integer> {

        @Option(names = "--config", required = true, paramLabel = "FILE", description = "the secretariat's configuration")
        Path config;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public final Integer call() {
            try {
                NodeConfig node = NodeConfigLoader.load(config);
                if (!SECRETARIAT.equals(node.nodeCode())) {
                    throw new ReviewException(config + ": node " + node.nodeCode()
                            + " is not the secretariat; only " + SECRETARIAT + " reviews notice requests");
                }
                return execute(ReviewDesk.of(node, new NoticeValidator(), Clock.systemUTC()),
                        spec.commandLine().getOut());
            } catch (NodeConfigException | ReviewException | IOException e) {
                spec.commandLine().getErr().println(spec.qualifiedName() + ": " + CliErrors.describe(e));
                return 1;
            }
        }

        abstract int execute(ReviewDesk desk, PrintWriter out) throws ReviewException, IOException;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The requests waiting for a decision.")
    static final class ListRequests extends ReviewVerb {
        @Override
        int execute(ReviewDesk desk, PrintWriter out) throws IOException {
            List<ReviewItem> pending = desk.queue().pending();
            String format = "%-16s %-5s %-12s %-25s %-8s %s%n";
            out.printf(format, "REQUEST", "FROM", "COLOUR", "RECEIVED", "SUBJECTS", "SUMMARY");
            for (ReviewItem item : pending) {
                String summary = item.request().path("summary").asText();
                out.printf(format, item.requestId(), item.from(), item.colour(), item.receivedAt(),
                        item.request().path("subjects").size(), summary.length() > 60 ? summary.substring(0, 59) + "…"
                                : summary);
            }
            out.printf("%d request(s) waiting%n", pending.size());
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One request in full, and its decision.")
    static final class Show extends ReviewVerb {
        @Parameters(paramLabel = "REQUEST_ID", description = "the request's id, e.g. FR-2026-000120")
        String requestId;

        @Override
        int execute(ReviewDesk desk, PrintWriter out) throws ReviewException, IOException {
            ReviewItem item = desk.queue().find(requestId).orElseThrow(() ->
                    new ReviewException("no notice request " + requestId + " in the review queue"));
            out.printf("request %s from %s, message %s, received %s%n", item.requestId(), item.from(), item.messageId(),
                    item.receivedAt());
            item.decision().ifPresentOrElse(d -> out.printf("decision: %s at %s%s%n", d.decision(), d.decidedAt(),
                    d.published() ? ", notice " + d.noticeId().orElseThrow() + " to " + d.to() + " minus " + d.excluded()
                            : ", reason: " + d.reason().orElseThrow()), () -> out.println("decision: pending"));
            JsonNode request = item.request();
            out.println(StrictJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(request));
            return 0;
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = "Publish the request as a notice of the secretariat and tell the requester.")
    static final class Publish extends ReviewVerb {
        @Parameters(paramLabel = "REQUEST_ID", description = "the request's id")
        String requestId;

        @Option(names = "--to", split = ",", paramLabel = "LIST",
                description = "restrict the notice to these addressees (default: all); the request's excluded bureaus"
                        + " never receive it")
        List<String> to = new ArrayList<>();

        @Override
        int execute(ReviewDesk desk, PrintWriter out) throws ReviewException, IOException {
            ReviewItem.Decision d = desk.publish(requestId, to).decision().orElseThrow();
            out.printf("published %s as notice %s to %s%s; review-decision %s to the requester; sent by the"
                    + " secretariat's node from its drop folder%n", requestId, d.noticeId().orElseThrow(), d.to(),
                    d.excluded().isEmpty() ? "" : " minus " + d.excluded(), d.answerId());
            return 0;
        }
    }

    @Command(name = "refuse", mixinStandardHelpOptions = true,
            description = "Refuse the request and tell the requester why.")
    static final class Refuse extends ReviewVerb {
        @Parameters(paramLabel = "REQUEST_ID", description = "the request's id")
        String requestId;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why, for the requesting bureau")
        String reason;

        @Override
        int execute(ReviewDesk desk, PrintWriter out) throws ReviewException, IOException {
            ReviewItem.Decision d = desk.refuse(requestId, reason).decision().orElseThrow();
            out.printf("refused %s; review-decision %s to the requester%n", requestId, d.answerId());
            return 0;
        }
    }
}
