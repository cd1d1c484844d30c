package org.ncbgateway.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ncbgateway.crypto.MessageSealer;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryException;
import org.ncbgateway.directory.DirectoryNode;
import org.ncbgateway.json.StrictJson;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.Priority;
import org.ncbgateway.message.RejectedException;
import org.ncbgateway.notice.NoticeValidator;
import org.ncbgateway.notice.ValidationReport;
import org.ncbgateway.pki.AtomicFiles;
import org.ncbgateway.pki.FederationTrust;
import org.ncbgateway.pki.KeyPurpose;
import org.ncbgateway.pki.NodeCredentials;
import org.ncbgateway.pki.Pem;
import org.ncbgateway.pki.PkiException;
import org.ncbgateway.routing.AddressingException;
import org.ncbgateway.routing.RecipientResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ncb seal}: seals a payload as a node of the federation for the bureaus its addressees resolve
 * to in the signed directory. A payload that is invalid, of another kind, or addressed to no one is
 * refused before anything is written.
 */
@Command(name = "seal", mixinStandardHelpOptions = true,
        description = "Sign, encrypt for every resolved recipient, and sign again: write a message's wire bytes.")
public final class SealCommand extends ReportingCommand {

    @Mixin
    FederationFolder federation;

    @Option(names = "--as", required = true, paramLabel = "NODE", description = "The sending (and issuing) node.")
    String self;

    @Option(names = "--to", required = true, split = ",", paramLabel = "ADDRESSEE",
            description = "Node codes, region:<REGION> or all, comma-separated.")
    List<String> to;

    @Option(names = "--exclude", split = ",", paramLabel = "NODE", description = "Bureaus left out.")
    List<String> excluded = new ArrayList<>();

    @Option(names = "--kind", required = true, description = "The message kind (SPEC section 2).")
    String kind;

    @Option(names = "--priority", defaultValue = "normal", description = "urgent or normal (default: ${DEFAULT-VALUE}).")
    String priority;

    @Option(names = "--expires-in", defaultValue = "P7D", description = "ISO-8601 duration (default: ${DEFAULT-VALUE}).")
    Duration expiresIn;

    @Option(names = "--in-reply-to", paramLabel = "UUID", description = "The messageId this message answers.")
    UUID inReplyTo;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "MSG.der", description = "Where to write the message.")
    Path output;

    @Parameters(paramLabel = "PAYLOAD", description = "The payload JSON file.")
    Path payloadFile;

    @Override
    protected int execute() throws PkiException, DirectoryException, IOException {
        Instant now = Instant.now();
        MessageKind messageKind = MessageKind.fromWireName(kind)
                .orElseThrow(() -> new PkiException("--kind: unknown message kind '" + kind + "'"));
        byte[] payload = Files.readAllBytes(payloadFile);
        ValidationReport report = new NoticeValidator().validate(payload);
        if (!report.valid()) {
            report.errors().forEach(e -> spec.commandLine().getErr().println(payloadFile + ": " + e));
            return fail(payloadFile + ": invalid payload, nothing sealed");
        }
        String payloadKind = StrictJson.mapper().readTree(payload).path("kind").asText();
        if (!payloadKind.equals(kind)) {
            return fail(payloadFile + ": /kind: the payload is a '" + payloadKind + "', not a '" + kind + "' (--kind)");
        }
        if (expiresIn.isNegative() || expiresIn.isZero()) {
            return fail("--expires-in: " + expiresIn + " is not a positive duration");
        }
        Directory directory = federation.directory(now);
        NodeCredentials sender = federation.credentials(self);
        MessageHeader header = new MessageHeader(UUID.randomUUID(), messageKind, self, to, excluded, now,
                now.plus(expiresIn), inReplyTo, parsePriority());
        List<DirectoryNode> recipients;
        try {
            recipients = RecipientResolver.resolve(directory, header);
        } catch (AddressingException e) {
            return fail("--" + e.field() + ": " + e.getMessage());
        }
        List<X509Certificate> certs = encryptionCerts(recipients, federation.trust(directory), now);
        byte[] wire = new MessageSealer(sender).seal(header, payload, certs);
        AtomicFiles.write(output, wire, false);
        out().printf("sealed %s %s from %s for %d recipient(s) %s: %s (%d bytes)%n", header.messageId(),
                messageKind, self, recipients.size(), recipients.stream().map(DirectoryNode::code).toList(),
                output, wire.length);
        return 0;
    }

    /** Each recipient's encryption certificate from the directory, refused if the federation no longer trusts it. */
    private static List<X509Certificate> encryptionCerts(List<DirectoryNode> recipients, FederationTrust trust,
                                                         Instant now) throws PkiException {
        List<X509Certificate> certs = new ArrayList<>();
        for (DirectoryNode node : recipients) {
            X509Certificate cert = Pem.certificate(node.encryptionCert(), "directory node " + node.code()
                    + " encryptionCert");
            try {
                trust.check(cert, KeyPurpose.ENCRYPTION, now);
            } catch (RejectedException e) {
                throw new PkiException("directory node " + node.code() + " encryptionCert: " + e);
            }
            certs.add(cert);
        }
        return certs;
    }

    private Priority parsePriority() throws PkiException {
        return switch (priority) {
            case "urgent" -> Priority.URGENT;
            case "normal" -> Priority.NORMAL;
            default -> throw new PkiException("--priority: '" + priority + "' is neither urgent nor normal");
        };
    }
}
