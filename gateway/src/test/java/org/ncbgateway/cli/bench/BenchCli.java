package org.ncbgateway.cli.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** {@code ncb bench ...} run through picocli as the command line would, its output and errors kept. */
final class BenchCli {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine command = new CommandLine(new BenchCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }
}
