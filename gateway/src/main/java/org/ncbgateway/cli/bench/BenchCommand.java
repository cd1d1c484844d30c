package org.ncbgateway.cli.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `ncb bench`: one subcommand per measured area; each prints its figures with the conditions they hold for. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the throughput of one area of the gateway.",
        subcommands = {
                BenchValidateCommand.class,
                BenchCryptoCommand.class,
                BenchLogCommand.class,
                BenchE2eCommand.class,
                BenchPkiCommand.class,
                BenchTransportCommand.class,
                BenchFanoutCommand.class,
        })
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "an area to measure is required");
    }
}
