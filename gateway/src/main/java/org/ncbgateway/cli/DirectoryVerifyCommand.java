package org.ncbgateway.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.OptionalLong;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryException;
import org.ncbgateway.directory.DirectoryStore;
import org.ncbgateway.directory.DirectoryVerifier;
import org.ncbgateway.pki.Pem;
import org.ncbgateway.pki.PkiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ncb directory verify}: would a node accept this signed directory? */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify a signed directory: signed by the root, well formed, not expired, newer than the one in force.")
public final class DirectoryVerifyCommand extends ReportingCommand {

    @Parameters(paramLabel = "DIRECTORY.p7s", description = "The signed directory.")
    Path file;

    @Option(names = "--root", required = true, description = "The federation root certificate (PEM).")
    Path root;

    @Option(names = "--current-version", description = "Refuse unless newer than this version.")
    Long currentVersion;

    @Option(names = "--data", description = "A node's data folder: refuse unless newer than the directory in force there.")
    Path data;

    @Override
    protected int execute() throws PkiException, DirectoryException, IOException {
        DirectoryVerifier verifier = new DirectoryVerifier(Pem.certificate(root));
        OptionalLong current = currentVersion == null ? OptionalLong.empty() : OptionalLong.of(currentVersion);
        if (data != null) {
            current = new DirectoryStore(data, verifier).current()
                    .map(d -> OptionalLong.of(d.version())).orElse(current);
        }
        Directory directory = verifier.verify(Files.readAllBytes(file), current, Instant.now());
        out().printf("%s: valid directory version %d, issued %s, valid until %s, %d nodes, signed by the root%n",
                file, directory.version(), directory.issuedAt(), directory.validUntil(), directory.nodes().size());
        return 0;
    }
}
