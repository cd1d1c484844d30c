package org.ncbgateway.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryBuilder;
import org.ncbgateway.directory.DirectoryCodec;
import org.ncbgateway.directory.DirectoryException;
import org.ncbgateway.directory.DirectorySigner;
import org.ncbgateway.pki.AtomicFiles;
import org.ncbgateway.pki.FederationAuthority;
import org.ncbgateway.pki.FederationLayout;
import org.ncbgateway.pki.FederationSpec;
import org.ncbgateway.pki.KeyAlgorithm;
import org.ncbgateway.pki.NodeSpec;
import org.ncbgateway.pki.PkiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ncb pki init}: a new federation folder with its root, every node's keys, a CRL and a signed directory. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a federation: root CA, keys and certificates of every node, CRL, signed directory.")
public final class PkiInitCommand extends ReportingCommand {

    @Option(names = "--out", required = true, description = "Folder to create the federation in.")
    Path out;

    @Option(names = "--nodes", description = "Federation specification (JSON); default: the example federation.")
    Path nodes;

    @Option(names = "--rsa", split = ",", paramLabel = "CODE", description = "Nodes that get RSA-3072 keys (default ECDSA P-256).")
    List<String> rsa = new ArrayList<>();

    @Option(names = "--validity-days", defaultValue = "3650",
            description = "Validity of node certificates, CRL and directory (default ${DEFAULT-VALUE}).")
    int validityDays;

    @Option(names = "--password-env", paramLabel = "VARIABLE",
            description = "Take every node's keystore password from this environment variable instead of writing "
                    + "a random one to nodes/<CODE>/password.")
    String passwordEnv;

    @Override
    protected int execute() throws PkiException, DirectoryException, IOException {
        FederationSpec spec = withRsa(nodes == null ? FederationSpec.example() : FederationSpec.read(nodes));
        FederationLayout layout = new FederationLayout(out);
        Instant now = Instant.now();
        FederationAuthority authority = FederationAuthority.create(layout, spec, validityDays, passwordEnv, now);
        Directory directory = DirectoryBuilder.build(layout, OptionalLong.of(1), Duration.ofDays(validityDays), now);
        byte[] json = DirectoryCodec.encode(directory);
        AtomicFiles.write(layout.directoryJson(), json, false);
        AtomicFiles.write(layout.directorySigned(), DirectorySigner.sign(json, authority.root()), false);
        long rsaCount = spec.nodes().stream().filter(n -> n.keyAlgorithm() == KeyAlgorithm.RSA_3072).count();
        out().printf("federation created in %s: %d nodes (%d RSA-3072, %d ECDSA P-256), directory version 1%n",
                out, spec.nodes().size(), rsaCount, spec.nodes().size() - rsaCount);
        out().printf("keep %s offline: it holds the root's private key%n", layout.rootDir());
        return 0;
    }

    private FederationSpec withRsa(FederationSpec spec) throws PkiException {
        List<NodeSpec> adjusted = new ArrayList<>();
        for (String code : rsa) {
            if (spec.node(code).isEmpty()) {
                throw new PkiException("--rsa: " + code + " is not a node of the federation");
            }
        }
        for (NodeSpec node : spec.nodes()) {
            adjusted.add(rsa.contains(node.code()) ? node.withKeys(KeyAlgorithm.RSA_3072) : node);
        }
        return new FederationSpec(spec.name(), adjusted);
    }
}
