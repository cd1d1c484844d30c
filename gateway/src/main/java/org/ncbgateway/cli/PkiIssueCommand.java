package org.ncbgateway.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ncbgateway.directory.NodeRole;
import org.ncbgateway.directory.Region;
import org.ncbgateway.pki.FederationAuthority;
import org.ncbgateway.pki.FederationLayout;
import org.ncbgateway.pki.FederationSpec;
import org.ncbgateway.pki.KeyAlgorithm;
import org.ncbgateway.pki.NodeSpec;
import org.ncbgateway.pki.PkiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ncb pki issue}: adds a node to the federation and issues its keys and certificates. */
@Command(name = "issue", mixinStandardHelpOptions = true,
        description = "Add a node: keys and certificates for signing, encryption and TLS; federation.json updated.")
public final class PkiIssueCommand extends ReportingCommand {

    @Option(names = "--dir", required = true, description = "The federation folder.")
    Path dir;

    @Option(names = "--code", required = true, description = "Node code, e.g. PT or HUB-ASIA.")
    String code;

    @Option(names = "--role", defaultValue = "BUREAU", description = "BUREAU, HUB or SECRETARIAT (default ${DEFAULT-VALUE}).")
    NodeRole role;

    @Option(names = "--name", description = "Display name.")
    String name;

    @Option(names = "--region", description = "AFRICA, AMERICAS, ASIA, EUROPE or MIDDLE_EAST.")
    Region region;

    @Option(names = "--hub", description = "Hub serving the node (default: the hub of its region, for a bureau).")
    String hub;

    @Option(names = "--links", split = ",", description = "Nodes with a direct link.")
    List<String> links = new ArrayList<>();

    @Option(names = "--endpoint", required = true, description = "host:port of the node's broker.")
    String endpoint;

    @Option(names = "--rsa", description = "RSA-3072 keys instead of ECDSA P-256.")
    boolean rsa;

    @Option(names = "--validity-days", defaultValue = "3650", description = "Certificate validity (default ${DEFAULT-VALUE}).")
    int validityDays;

    @Option(names = "--password-env", paramLabel = "VARIABLE",
            description = "Keystore password from this environment variable instead of a new nodes/<CODE>/password.")
    String passwordEnv;

    @Override
    protected int execute() throws PkiException {
        FederationLayout layout = new FederationLayout(dir);
        FederationAuthority authority = FederationAuthority.open(layout, validityDays);
        FederationSpec spec = FederationSpec.read(layout.spec());
        if (spec.node(code).isPresent()) {
            throw new PkiException(layout.spec() + ": node " + code + " already exists; use 'ncb pki renew'");
        }
        String nodeHub = hub == null && role == NodeRole.BUREAU && region != null ? region.hubCode() : hub;
        NodeSpec node = new NodeSpec(code, role, name == null ? code : name, region, nodeHub, links, endpoint,
                (rsa ? KeyAlgorithm.RSA_3072 : KeyAlgorithm.EC_P256).wireName());
        FederationSpec next = spec.with(node);
        next.validate("node " + code);
        authority.enrol(node, passwordEnv, Instant.now());
        next.write(layout.spec());
        out().printf("node %s issued in %s; run 'ncb directory build' and 'ncb directory sign' to publish it%n",
                code, layout.node(code));
        return 0;
    }
}
