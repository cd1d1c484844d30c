package org.ncbgateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryNode;
import org.ncbgateway.directory.NodeRole;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.ReasonCode;
import org.ncbgateway.message.RejectedException;
import org.ncbgateway.notice.NoticeValidator;
import org.ncbgateway.pki.Pem;
import org.ncbgateway.routing.DirectoryAddressCheck;
import org.ncbgateway.routing.RecipientResolver;
import org.ncbgateway.testing.ExampleFederation;

/** The example federation end to end: one diffusion to `all`, sealed once, opened by every bureau. */
class FederationDiffusionTest {

    private final SealFixture f = SealFixture.get();
    private final Directory directory = ExampleFederation.directory();
    private final NoticeValidator validator = new NoticeValidator();

    @Test
    void a_diffusion_to_all_is_sealed_once_and_every_bureau_opens_it() throws Exception {
        byte[] payload = Files.readAllBytes(ExampleFederation.repositoryRoot()
                .resolve("schemas/examples/valid/diffusion-ftf-wanted.json"));
        MessageHeader header = f.header(MessageKind.DIFFUSION, "FR", "all");
        List<DirectoryNode> recipients = RecipientResolver.resolve(directory, header);
        List<String> bureaus = directory.nodes().stream()
                .filter(n -> n.role() == NodeRole.BUREAU && !n.code().equals("FR")).map(DirectoryNode::code).toList();
        assertThat(recipients).extracting(DirectoryNode::code).containsExactlyInAnyOrderElementsOf(bureaus);
        List<X509Certificate> certs = recipients.stream()
                .map(n -> certificate(n.encryptionCert())).toList();

        byte[] wire = new MessageSealer(f.node("FR")).seal(header, payload, certs);

        for (DirectoryNode bureau : recipients) {
            OpenedMessage opened = opener(bureau.code()).open(wire);
            assertThat(opened.payload()).as(bureau.code()).isEqualTo(payload);
            assertThat(opened.innerSignerCode()).isEqualTo("FR");
        }
        for (DirectoryNode other : directory.nodes()) {
            if (other.role() != NodeRole.BUREAU) {
                RejectedException e = catchThrowableOfType(RejectedException.class, () -> opener(other.code()).open(wire));
                assertThat(e.code()).as(other.code()).isEqualTo(ReasonCode.NOT_ADDRESSED);
            }
        }
    }

    private MessageOpener opener(String code) {
        return new MessageOpener(f.node(code), f.trust, new DirectoryAddressCheck(code, () -> directory),
                id -> false, validator, f.clock);
    }

    private static X509Certificate certificate(String pem) {
        try {
            return Pem.certificate(pem, "directory");
        } catch (org.ncbgateway.pki.PkiException e) {
            throw new IllegalStateException(e);
        }
    }
}
