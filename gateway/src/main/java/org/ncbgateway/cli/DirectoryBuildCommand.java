package org.ncbgateway.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryBuilder;
import org.ncbgateway.directory.DirectoryCodec;
import org.ncbgateway.directory.DirectoryException;
import org.ncbgateway.pki.AtomicFiles;
import org.ncbgateway.pki.FederationLayout;
import org.ncbgateway.pki.PkiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ncb directory build}: the next directory.json from federation.json, node certificates and crl.pem. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the next directory.json of a federation folder (unsigned; then 'ncb directory sign').")
public final class DirectoryBuildCommand extends ReportingCommand {

    @Option(names = "--dir", required = true, description = "The federation folder.")
    Path dir;

    @Option(names = "--version", description = "Version number (default: one more than the folder's directory.json).")
    Long version;

    @Option(names = "--valid-days", defaultValue = "365", description = "Days until validUntil (default ${DEFAULT-VALUE}).")
    int validDays;

    @Option(names = {"-o", "--output"}, description = "Output file (default: <dir>/directory.json).")
    Path output;

    @Override
    protected int execute() throws PkiException, DirectoryException {
        FederationLayout layout = new FederationLayout(dir);
        Directory directory = DirectoryBuilder.build(layout,
                version == null ? OptionalLong.empty() : OptionalLong.of(version), Duration.ofDays(validDays),
                Instant.now());
        Path target = output == null ? layout.directoryJson() : output;
        AtomicFiles.write(target, DirectoryCodec.encode(directory), false);
        out().printf("directory version %d with %d nodes written to %s, valid until %s%n",
                directory.version(), directory.nodes().size(), target, directory.validUntil());
        return 0;
    }
}
