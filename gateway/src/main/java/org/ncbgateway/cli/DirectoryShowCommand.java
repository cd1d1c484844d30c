package org.ncbgateway.cli;

import java.io.IOException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryException;
import org.ncbgateway.directory.DirectoryNode;
import org.ncbgateway.pki.KeyAlgorithm;
import org.ncbgateway.pki.Pem;
import org.ncbgateway.pki.PkiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ncb directory show}: the directory as a table, after verifying it when it is signed. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print a directory as a table (a .p7s is verified against --root first).")
public final class DirectoryShowCommand extends ReportingCommand {

    @Mixin
    DirectoryFile.Options input;

    @Override
    protected int execute() throws PkiException, DirectoryException, IOException {
        DirectoryFile read = input.read();
        out().printf("%s (%s)%n", input.file, read.signed() ? "signed by the root" : "unsigned");
        print(read.directory());
        return 0;
    }

    private void print(Directory directory) throws PkiException {
        X509CRL crl = Pem.crl(directory.crl(), "/crl");
        out().printf("version %d, issued %s, valid until %s, %d nodes, %d revoked certificate(s)%n",
                directory.version(), directory.issuedAt(), directory.validUntil(), directory.nodes().size(),
                crl.getRevokedCertificates() == null ? 0 : crl.getRevokedCertificates().size());
        String format = "%-16s %-11s %-12s %-16s %-21s %-5s %-10s %s%n";
        out().printf(format, "CODE", "ROLE", "REGION", "HUB", "ENDPOINT", "KEYS", "EXPIRES", "LINKS");
        for (DirectoryNode node : directory.nodes()) {
            X509Certificate signing = Pem.certificate(node.signingCert(), node.code() + " signingCert");
            out().printf(format, node.code(), node.role().wireName(),
                    node.region() == null ? "-" : node.region().code(), node.hub() == null ? "-" : node.hub(),
                    node.endpoint(), KeyAlgorithm.of(signing.getPublicKey()).wireName(),
                    signing.getNotAfter().toInstant().toString().substring(0, 10),
                    node.links().isEmpty() ? "-" : String.join(",", node.links()));
        }
    }
}
