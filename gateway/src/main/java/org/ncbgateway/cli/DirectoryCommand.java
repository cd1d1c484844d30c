package org.ncbgateway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ncb directory}: build, sign, verify and show the federation's signed directory (SPEC section 6). */
@Command(name = "directory", mixinStandardHelpOptions = true,
        description = "Build, sign, verify, show and publish the signed federation directory, and the routes it gives.",
        subcommands = {
            DirectoryBuildCommand.class,
            DirectorySignCommand.class,
            DirectoryVerifyCommand.class,
            DirectoryShowCommand.class,
            DirectoryRoutesCommand.class,
            DirectoryPublishCommand.class,
        })
public final class DirectoryCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand of 'directory' is required");
    }
}
