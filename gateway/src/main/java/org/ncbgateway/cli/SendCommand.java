package org.ncbgateway.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.ncbgateway.gateway.DropFolder;
import org.ncbgateway.gateway.NodeConfig;
import org.ncbgateway.gateway.NodeConfigException;
import org.ncbgateway.gateway.NodeConfigLoader;
import org.ncbgateway.gateway.Submission;
import org.ncbgateway.gateway.SubmissionException;
import org.ncbgateway.gateway.SubmissionFile;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.Priority;
import org.ncbgateway.notice.NoticeValidator;
import org.ncbgateway.notice.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ncb send}: validates a payload here, then submits it through the node's drop folder, where the
 * running node (or the node when it next starts) seals and sends it. Prints the message id to follow
 * with {@code ncb status}; {@code --wait} waits for the node to take it.
 */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Submit a payload for sending by a node (through its drop folder).")
public final class SendCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "the sending node's configuration")
    Path config;

    @Option(names = "--to", required = true, split = ",", paramLabel = "LIST",
            description = "addressees: node codes, region:<REGION> or all, comma-separated")
    List<String> to;

    @Option(names = "--exclude", split = ",", paramLabel = "LIST", description = "bureaus never to receive it")
    List<String> excluded = new ArrayList<>();

    @Option(names = "--kind", paramLabel = "KIND", description = "expected payload kind; refused when it differs")
    String kind;

    @Option(names = "--priority", paramLabel = "PRIORITY", description = "urgent or normal (default)")
    Priority priority = Priority.NORMAL;

    @Option(names = "--in-reply-to", paramLabel = "MESSAGE_ID", description = "the message this one answers")
    UUID inReplyTo;

    @Option(names = "--wait", paramLabel = "SECONDS", description = "wait until the node has taken the submission")
    int waitSeconds;

    @Parameters(paramLabel = "PAYLOAD", description = "the payload JSON file")
    Path payload;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NodeConfig node;
        Submission submission;
        try {
            node = NodeConfigLoader.load(config);
            submission = submission();
        } catch (NodeConfigException | SubmissionException e) {
            err.println("ncb send: " + e.getMessage());
            return 1;
        }
        DropFolder drop = new DropFolder(node.dropDir());
        Path file = drop.submit(submission);
        out.println(submission.messageId() + "  " + submission.kind() + " " + submission.payloadId() + " submitted to "
                + file);
        out.flush();
        if (waitSeconds <= 0) {
            return 0;
        }
        DropFolder.Outcome outcome = drop.await(file.getFileName().toString(), java.time.Duration.ofSeconds(waitSeconds));
        switch (outcome.state()) {
            case DONE -> out.println("sent by " + node.nodeCode() + "; follow it with: ncb status --config " + config
                    + " " + submission.messageId());
            case FAILED -> err.println("ncb send: " + node.nodeCode() + " refused it: " + outcome.reason());
            case WAITING -> err.println("ncb send: not taken within " + waitSeconds + "s; is node " + node.nodeCode()
                    + " running? It stays in " + file);
        }
        return outcome.state() == DropFolder.State.DONE ? 0 : 1;
    }

    private Submission submission() throws SubmissionException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(payload);
        } catch (IOException e) {
            throw new SubmissionException(payload + ": cannot read: " + e.getMessage(), e);
        }
        ValidationReport report = new NoticeValidator().validate(bytes);
        if (!report.valid()) {
            throw new SubmissionException(payload + ": invalid payload: " + String.join("; ",
                    report.errors().stream().map(e -> e.toString()).toList()));
        }
        Submission read = SubmissionFile.readPayload(bytes, payload.toString(), UUID.randomUUID(), to, excluded,
                priority, Optional.ofNullable(inReplyTo));
        if (kind != null && MessageKind.fromWireName(kind).filter(k -> k == read.kind()).isEmpty()) {
            throw new SubmissionException(payload + ": /kind: the payload is a " + read.kind() + ", not a " + kind);
        }
        return read;
    }
}
