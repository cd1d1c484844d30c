package org.ncbgateway.cli.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --data DIR} of a bench subcommand that runs nodes or brokers: where its {@link RunFolder} is made and kept. */
final class RunFolderOption {

    @Option(names = "--data", paramLabel = "DIR", description = "make the run's folder (node data, journals, logs) in "
            + "DIR and keep it; by default a temporary folder, deleted after a run that succeeded")
    Path keepIn;

    RunFolder create(String prefix) throws IOException {
        return RunFolder.create(Optional.ofNullable(keepIn), prefix);
    }
}
