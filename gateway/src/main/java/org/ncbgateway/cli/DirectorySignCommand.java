package org.ncbgateway.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryCodec;
import org.ncbgateway.directory.DirectoryException;
import org.ncbgateway.directory.DirectorySigner;
import org.ncbgateway.pki.AtomicFiles;
import org.ncbgateway.pki.FederationAuthority;
import org.ncbgateway.pki.FederationLayout;
import org.ncbgateway.pki.PkiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ncb directory sign}: the root signs directory.json into directory.p7s (CMS SignedData). */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = "Sign a directory.json with the federation root (root/root.p12) into directory.p7s.")
public final class DirectorySignCommand extends ReportingCommand {

    @Option(names = "--dir", required = true, description = "The federation folder (its root keystore signs).")
    Path dir;

    @Option(names = "--in", description = "Directory JSON (default: <dir>/directory.json).")
    Path input;

    @Option(names = {"-o", "--output"}, description = "Signed directory (default: <dir>/directory.p7s).")
    Path output;

    @Override
    protected int execute() throws PkiException, DirectoryException, IOException {
        FederationLayout layout = new FederationLayout(dir);
        Path source = input == null ? layout.directoryJson() : input;
        byte[] json = Files.readAllBytes(source);
        Directory directory = DirectoryCodec.decode(json, source.toString());
        Path target = output == null ? layout.directorySigned() : output;
        AtomicFiles.write(target, DirectorySigner.sign(json, FederationAuthority.loadRoot(layout)), false);
        out().printf("directory version %d signed by the root into %s%n", directory.version(), target);
        return 0;
    }
}
