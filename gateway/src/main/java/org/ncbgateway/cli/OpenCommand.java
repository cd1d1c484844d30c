package org.ncbgateway.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.ncbgateway.crypto.DuplicateMessageException;
import org.ncbgateway.crypto.MessageOpener;
import org.ncbgateway.crypto.OpenedMessage;
import org.ncbgateway.crypto.OpeningCheck;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryException;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.RejectedException;
import org.ncbgateway.notice.NoticeValidator;
import org.ncbgateway.pki.PkiException;
import org.ncbgateway.routing.DirectoryAddressCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ncb open}: opens a message as a node of the federation, running every check of SPEC section 4,
 * and prints the header, each check passed and the payload; or the failing check's reason code and
 * detail, with exit status 1. It keeps no record of accepted ids: the duplicate check is the gateway's.
 */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = "Verify, decrypt and validate a sealed message as the given node.")
public final class OpenCommand extends ReportingCommand {

    @Mixin
    FederationFolder federation;

    @Option(names = "--as", required = true, paramLabel = "NODE", description = "The receiving node.")
    String self;

    @Parameters(paramLabel = "MSG.der", description = "The message's wire bytes (outer SignedData, DER).")
    Path message;

    @Override
    protected int execute() throws PkiException, DirectoryException, IOException {
        byte[] wire = Files.readAllBytes(message);
        Instant now = Instant.now();
        Directory directory = federation.directory(now);
        MessageOpener opener = new MessageOpener(federation.credentials(self), federation.trust(directory),
                new DirectoryAddressCheck(self, () -> directory), id -> false, new NoticeValidator(),
                Clock.systemUTC());
        try {
            OpenedMessage opened = opener.open(wire);
            printHeader(opened.header());
            out().println("checks:");
            for (OpeningCheck check : OpeningCheck.values()) {
                boolean skipped = check == OpeningCheck.NOT_DUPLICATE;
                out().printf("  %-5s %s%s%n", skipped ? "skip" : "ok", check.description(),
                        skipped ? " (ncb open keeps no record of accepted ids; the gateway does)" : "");
            }
            out().printf("inner signer: %s%npayload:%n%s%n", opened.innerSignerCode(),
                    new String(opened.payload(), StandardCharsets.UTF_8));
            return 0;
        } catch (RejectedException e) {
            e.header().ifPresent(this::printHeader);
            out().println("checks:");
            OpeningCheck failed = OpeningCheck.failingWith(e.code()).orElseThrow();
            failed.before().forEach(check -> out().printf("  ok    %s%n", check.description()));
            out().printf("  FAIL  %s%n", failed.description());
            out().flush();
            return fail(message + ": rejected " + e.code() + ": " + e.detail());
        } catch (DuplicateMessageException e) {
            return fail(message + ": duplicate: " + e.getMessage());
        }
    }

    private void printHeader(MessageHeader h) {
        out().printf("message %s%n  kind %s, from %s, to %s, excluded %s%n  sent %s, expires %s, priority %s%s%n",
                h.messageId(), h.kind(), h.from(), h.to(), h.excluded(), h.sentAt(), h.expiresAt(),
                h.priority().wireName(), h.inReplyTo() == null ? "" : ", in reply to " + h.inReplyTo());
    }
}
