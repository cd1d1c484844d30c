package org.ncbgateway.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ncbgateway.json.JsonLimits;
import org.ncbgateway.notice.NoticeValidator;
import org.ncbgateway.notice.ValidationError;
import org.ncbgateway.notice.ValidationReport;
import org.ncbgateway.notice.ValidationStage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** `ncb validate FILE...`: the verdict of the federation's schemas and semantic rules on payload files. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Validate payload files against the schema of their kind and the semantic rules.",
                "Prints 'FILE: valid' or one line per error 'FILE: /json/pointer: reason (rule)'.",
                "Exit status: 0 all valid, 1 some invalid, 2 usage error or unreadable file."})
public final class ValidateCommand implements Callable<Integer> {

    static final int ALL_VALID = 0;
    static final int SOME_INVALID = 1;
    static final int UNUSABLE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "payload files (JSON, UTF-8)")
    List<Path> files;

    @Option(names = "--json", description = "print one JSON document with every verdict")
    boolean json;

    @CommandLine.Mixin
    JsonLimitOptions limitOptions;

    @Override
    public Integer call() {
        JsonLimits limits;
        try {
            limits = limitOptions.limits();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int status = ALL_VALID;
        List<Verdict> verdicts = new ArrayList<>();
        for (Path file : files) {
            Verdict verdict = judge(limits, file);
            verdicts.add(verdict);
            status = Math.max(status, verdict.status());
            if (!json) {
                verdict.print(out, err);
            }
        }
        if (json) {
            out.println(toJson(verdicts));
        }
        out.flush();
        return status;
    }

    private NoticeValidator validator;

    private Verdict judge(JsonLimits limits, Path file) {
        try {
            long size = Files.size(file);
            if (size > limits.maxDocumentBytes()) {
                // Refused before reading: an oversized file never reaches memory.
                return Verdict.of(file, new ValidationReport(List.of(new ValidationError("", "document of " + size
                        + " bytes exceeds the limit of " + limits.maxDocumentBytes() + " bytes",
                        "json-size-limit", ValidationStage.JSON))));
            }
            byte[] payload = Files.readAllBytes(file);
            if (validator == null) {
                // Loaded on first use: refusing an oversized file needs no schemas.
                validator = new NoticeValidator(limits);
            }
            return Verdict.of(file, validator.validate(payload));
        } catch (NoSuchFileException e) {
            return Verdict.unreadable(file, "no such file");
        } catch (IOException | RuntimeException e) {
            return Verdict.unreadable(file, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String toJson(List<Verdict> verdicts) {
        JsonMapper mapper = new JsonMapper();
        ArrayNode array = mapper.createArrayNode();
        for (Verdict verdict : verdicts) {
            ObjectNode node = array.addObject();
            node.put("file", verdict.file().toString());
            node.put("valid", verdict.status() == ALL_VALID);
            if (verdict.unreadable() != null) {
                node.put("unreadable", verdict.unreadable());
            }
            ArrayNode errors = node.putArray("errors");
            for (ValidationError error : verdict.errors()) {
                errors.addObject().put("pointer", error.pointer()).put("reason", error.reason())
                        .put("rule", error.rule()).put("stage", error.stage().name().toLowerCase(Locale.ROOT));
            }
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array);
    }

    /** What became of one file: its errors, or why it could not be read. */
    record Verdict(Path file, List<ValidationError> errors, String unreadable) {

        static Verdict of(Path file, ValidationReport report) {
            return new Verdict(file, report.errors(), null);
        }

        static Verdict unreadable(Path file, String why) {
            return new Verdict(file, List.of(), why);
        }

        int status() {
            return unreadable != null ? UNUSABLE : errors.isEmpty() ? ALL_VALID : SOME_INVALID;
        }

        void print(PrintWriter out, PrintWriter err) {
            if (unreadable != null) {
                err.println(file + ": cannot read: " + unreadable);
                err.flush();
            } else if (errors.isEmpty()) {
                out.println(file + ": valid");
            } else {
                errors.forEach(error -> out.println(file + ": " + line(error)));
            }
        }

        private static String line(ValidationError error) {
            String where = error.pointer().isEmpty() ? "" : error.pointer() + ": ";
            return where + error.reason() + " (" + error.rule() + ")";
        }
    }
}
