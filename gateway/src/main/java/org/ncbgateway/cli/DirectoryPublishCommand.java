package org.ncbgateway.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryException;
import org.ncbgateway.directory.DirectoryVerifier;
import org.ncbgateway.gateway.DirectoryUpdatePayload;
import org.ncbgateway.gateway.DropFolder;
import org.ncbgateway.gateway.NodeConfig;
import org.ncbgateway.gateway.NodeConfigException;
import org.ncbgateway.gateway.NodeConfigLoader;
import org.ncbgateway.gateway.Submission;
import org.ncbgateway.gateway.SubmissionException;
import org.ncbgateway.gateway.SubmissionFile;
import org.ncbgateway.message.Priority;
import org.ncbgateway.notice.NoticeValidator;
import org.ncbgateway.notice.ValidationReport;
import org.ncbgateway.pki.FederationLayout;
import org.ncbgateway.pki.Pem;
import org.ncbgateway.pki.PkiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ncb directory publish}: the secretariat sends a directory signed by the root to every node, as
 * a {@code directory-update} through its drop folder. The directory is verified here first, so a file
 * every node would refuse never leaves.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Send a signed directory to every node (a directory-update from GS, through its drop folder).")
public final class DirectoryPublishCommand extends ReportingCommand {

    private static final String SECRETARIAT = "GS";

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The secretariat node's configuration.")
    Path config;

    @Option(names = "--id", required = true, paramLabel = "GS-YYYY-NNNNNN", description = "The update's payload id.")
    String id;

    @Parameters(paramLabel = "DIRECTORY.p7s", description = "The directory signed by the root.")
    Path file;

    @Override
    protected int execute() throws PkiException, DirectoryException, IOException {
        NodeConfig node;
        try {
            node = NodeConfigLoader.load(config);
        } catch (NodeConfigException e) {
            return fail(e.getMessage());
        }
        if (!SECRETARIAT.equals(node.nodeCode())) {
            return fail(config + ": node.code is " + node.nodeCode() + "; only " + SECRETARIAT
                    + " sends directory updates");
        }
        byte[] signed = Files.readAllBytes(file);
        Instant now = Instant.now();
        DirectoryVerifier verifier = new DirectoryVerifier(Pem.certificate(
                new FederationLayout(node.federationDir()).rootCertificate()));
        Directory directory = verifier.verify(signed, OptionalLong.empty(), now);
        byte[] payload = DirectoryUpdatePayload.of(id, now, directory.version(), signed);
        ValidationReport report = new NoticeValidator().validate(payload);
        if (!report.valid()) {
            return fail("--id " + id + ": " + String.join("; ", report.errors().stream().map(Object::toString).toList()));
        }
        Submission submission;
        try {
            submission = SubmissionFile.readPayload(payload, file.toString(), UUID.randomUUID(), List.of("all"),
                    List.of(), Priority.URGENT, Optional.empty());
        } catch (SubmissionException e) {
            return fail(e.getMessage());
        }
        Path dropped = new DropFolder(node.dropDir()).submit(submission);
        out().printf("%s  directory-update %s (directory version %d) to all submitted to %s%n", submission.messageId(),
                id, directory.version(), dropped);
        return 0;
    }
}
