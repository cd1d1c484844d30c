package org.ncbgateway.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Runs the real `ncb` command line in-process for tests of other packages, with captured output. */
public final class NcbTestAccess {

    private NcbTestAccess() {
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = Ncb.commandLine();
        cmd.setOut(out);
        cmd.setErr(err);
        int status = cmd.execute(args);
        out.flush();
        err.flush();
        return status;
    }
}
