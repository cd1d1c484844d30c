package org.ncbgateway.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.ncbgateway.pki.FederationAuthority;
import org.ncbgateway.pki.FederationLayout;
import org.ncbgateway.pki.KeyPurpose;
import org.ncbgateway.pki.NodeRenewal;
import org.ncbgateway.pki.PkiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ncb pki renew}: rotates a node's keys, keeping the old ones under {@code superseded/}. */
@Command(name = "renew", mixinStandardHelpOptions = true,
        description = "Rotate a node's keys; the old keystores move to nodes/<CODE>/superseded/<time>/.")
public final class PkiRenewCommand extends ReportingCommand {

    @Option(names = "--dir", required = true, description = "The federation folder.")
    Path dir;

    @Option(names = "--node", required = true, description = "Node code.")
    String node;

    @Option(names = "--purpose", description = "SIGNING, ENCRYPTION or TLS; repeatable (default: all three).")
    List<KeyPurpose> purposes = List.of(KeyPurpose.values());

    @Option(names = "--revoke-old", description = "Also revoke the replaced certificates (reason superseded).")
    boolean revokeOld;

    @Option(names = "--validity-days", defaultValue = "3650", description = "Certificate validity (default ${DEFAULT-VALUE}).")
    int validityDays;

    @Override
    protected int execute() throws PkiException {
        FederationLayout layout = new FederationLayout(dir);
        FederationAuthority authority = FederationAuthority.open(layout, validityDays);
        Path archive = NodeRenewal.renew(authority, node, EnumSet.copyOf(purposes), revokeOld, Instant.now());
        out().printf("renewed %s %s; previous keys in %s%s; rebuild and sign the directory to publish it%n",
                node, purposes, archive, revokeOld ? " and revoked" : "");
        return 0;
    }
}
