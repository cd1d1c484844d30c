package org.ncbgateway.cli;

import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.CRLReason;
import org.ncbgateway.pki.Certificates;
import org.ncbgateway.pki.CrlPublisher;
import org.ncbgateway.pki.FederationAuthority;
import org.ncbgateway.pki.FederationLayout;
import org.ncbgateway.pki.KeyPurpose;
import org.ncbgateway.pki.NodeKeyStore;
import org.ncbgateway.pki.Pem;
import org.ncbgateway.pki.PkiException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ncb pki revoke}: puts a certificate on the CRL and publishes the new {@code crl.pem}. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Revoke a certificate and publish a new crl.pem (then rebuild and sign the directory).")
public final class PkiRevokeCommand extends ReportingCommand {

    /** The CRL reasons an operator chooses from (RFC 5280 section 5.3.1). */
    enum Reason {
        UNSPECIFIED(CRLReason.unspecified), KEY_COMPROMISE(CRLReason.keyCompromise),
        AFFILIATION_CHANGED(CRLReason.affiliationChanged), SUPERSEDED(CRLReason.superseded),
        CESSATION_OF_OPERATION(CRLReason.cessationOfOperation);

        final int code;

        Reason(int code) {
            this.code = code;
        }
    }

    static final class Target {
        @Option(names = "--cert", description = "PEM certificate to revoke.")
        Path certificate;

        @Option(names = "--node", description = "Revoke this node's current certificate of --purpose.")
        String node;
    }

    @Option(names = "--dir", required = true, description = "The federation folder.")
    Path dir;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--purpose", defaultValue = "SIGNING", description = "SIGNING, ENCRYPTION or TLS (with --node).")
    KeyPurpose purpose;

    @Option(names = "--reason", defaultValue = "UNSPECIFIED", description = "${COMPLETION-CANDIDATES}")
    Reason reason;

    @Option(names = "--validity-days", defaultValue = "3650",
            description = "Until the next CRL is due (nextUpdate), in days (default ${DEFAULT-VALUE}).")
    int validityDays;

    @Override
    protected int execute() throws PkiException {
        FederationLayout layout = new FederationLayout(dir);
        FederationAuthority authority = FederationAuthority.open(layout, validityDays);
        Path file = target.certificate != null ? target.certificate
                : NodeKeyStore.certificate(layout.node(target.node), purpose);
        X509Certificate certificate = Pem.certificate(file);
        X509CRL crl = CrlPublisher.revoke(authority, List.of(certificate), reason.code, Instant.now());
        out().printf("revoked %s; %s now lists %d certificate(s); rebuild and sign the directory to publish it%n",
                Certificates.describe(certificate), layout.crl(), crl.getRevokedCertificates().size());
        return 0;
    }
}
