package org.ncbgateway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ncb pki}: the federation root's offline operations over a federation folder. */
@Command(name = "pki", mixinStandardHelpOptions = true,
        description = "Create a federation PKI, add nodes, revoke and renew certificates.",
        subcommands = {PkiInitCommand.class, PkiIssueCommand.class, PkiRevokeCommand.class, PkiRenewCommand.class})
public final class PkiCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand of 'pki' is required");
    }
}
