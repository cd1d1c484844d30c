package org.ncbgateway.cli;

import org.ncbgateway.cli.audit.AuditCommand;
import org.ncbgateway.cli.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The single `ncb` executable: one subcommand per verb of the federation's command line. */
@Command(name = "ncb", mixinStandardHelpOptions = true, version = "ncb-gateway 0.1.0",
        description = "Gateway of a national bureau, regional hub or secretariat.",
        subcommands = {
                AuditCommand.class,
                BenchCommand.class,
                StatusCommand.class,
                RunCommand.class,
                ReviewCommand.class,
                org.ncbgateway.cli.demo.DemoCommand.class,
                SendCommand.class,
                ValidateCommand.class,
                PkiCommand.class,
                DirectoryCommand.class,
                SealCommand.class,
                OpenCommand.class,
        })
public final class Ncb implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Ncb());
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a verb is required");
    }
}
