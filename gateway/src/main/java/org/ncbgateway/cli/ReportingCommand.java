package org.ncbgateway.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import org.ncbgateway.directory.DirectoryException;
import org.ncbgateway.pki.PkiException;
import picocli.CommandLine;

/**
 * A verb whose expected failures (bad files, refused inputs) end as one line on stderr naming the
 * place and the reason, with exit status 1, never a stack trace.
 */
public abstract class ReportingCommand implements Callable<Integer> {

    public static final int FAILED = 1;

    @CommandLine.Spec
    protected CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() {
        try {
            return execute();
        } catch (NoSuchFileException e) {
            return fail(e.getFile() + ": no such file");
        } catch (PkiException | IOException e) {
            return fail(e.getMessage());
        } catch (DirectoryException e) {
            return fail(e.reason() + ": " + e.getMessage());
        }
    }

    protected abstract int execute() throws PkiException, DirectoryException, IOException;

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected int fail(String message) {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + message);
        spec.commandLine().getErr().flush();
        return FAILED;
    }
}
