package org.ncbgateway.cli.audit;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `ncb audit`: the auditor's tools over a node's message log (SPEC section 8). */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Verify, replay and inspect message logs, offline.",
        subcommands = {AuditVerifyCommand.class, AuditReplayCommand.class, AuditShowCommand.class})
public final class AuditCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "an audit verb is required: verify, replay or show");
    }
}
