package org.ncbgateway.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
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
import org.ncbgateway.pki.PasswordSource;
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
        requireEmpty(out);
        if (passwordEnv != null) {
            PasswordSource.environment(passwordEnv).password();
        }
        // built beside the target and renamed at the end, so that a failure leaves no half federation
        Path staging = Files.createTempDirectory(out.toAbsolutePath().getParent(), ".ncb-pki-init-");
        try {
            create(new FederationLayout(staging), spec);
            Files.deleteIfExists(out);
            Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(staging);
        }
        FederationLayout layout = new FederationLayout(out);
        long rsaCount = spec.nodes().stream().filter(n -> n.keyAlgorithm() == KeyAlgorithm.RSA_3072).count();
        out().printf("federation created in %s: %d nodes (%d RSA-3072, %d ECDSA P-256), directory version 1%n",
                out, spec.nodes().size(), rsaCount, spec.nodes().size() - rsaCount);
        out().printf("keep %s offline: it holds the root's private key%n", layout.rootDir());
        return 0;
    }

    private void create(FederationLayout layout, FederationSpec spec) throws PkiException, DirectoryException {
        Instant now = Instant.now();
        FederationAuthority authority = FederationAuthority.create(layout, spec, validityDays, passwordEnv, now);
        Directory directory = DirectoryBuilder.build(layout, OptionalLong.of(1), Duration.ofDays(validityDays), now);
        byte[] json = DirectoryCodec.encode(directory);
        AtomicFiles.write(layout.directoryJson(), json, false);
        AtomicFiles.write(layout.directorySigned(), DirectorySigner.sign(json, authority.root()), false);
    }

    private static void requireEmpty(Path folder) throws PkiException, IOException {
        if (Files.exists(folder) && !(Files.isDirectory(folder) && isEmpty(folder))) {
            throw new PkiException(folder + ": already exists and is not an empty folder; choose a new one");
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
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
