package org.ncbgateway.cli;

import picocli.CommandLine.Command;

/** {@code ncb directory}: build, sign, verify and show the federation's signed directory (SPEC section 6). */
@Command(name = "directory", mixinStandardHelpOptions = true,
        description = "Build, sign, verify and show the signed federation directory.",
        subcommands = {
            DirectoryBuildCommand.class,
            DirectorySignCommand.class,
            DirectoryVerifyCommand.class,
            DirectoryShowCommand.class,
        })
public final class DirectoryCommand {
}
