package org.ncbgateway.cli.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ncbgateway.json.StrictJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ncb bench}: without a subcommand, the end-to-end benchmark every performance claim rests on
 * ({@link BenchRunner}); with one, the figures of one area of the gateway.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the gateway end to end on a local federation: throughput, latency at offered loads "
                + "for 1, 10 and 196 recipients, cost per stage, the machine's ceiling, memory.",
                "With a subcommand, measure one area alone."},
        subcommands = {
                BenchValidateCommand.class,
                BenchCryptoCommand.class,
                BenchLogCommand.class,
                BenchE2eCommand.class,
                BenchPkiCommand.class,
                BenchTransportCommand.class,
                BenchFanoutCommand.class,
        })
public final class BenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--quick",
            description = "short windows and fewer messages: the whole run in under a minute on a quiet 2-core machine")
    boolean quick;

    @Option(names = "--json", paramLabel = "FILE", description = "also write every figure as JSON to FILE")
    Path json;

    @Option(names = "--chart", paramLabel = "FILE", description = "also write an SVG chart of latency against offered load")
    Path chart;

    @Option(names = "--data", paramLabel = "DIR", description = "make the run's folder (federation, node data, "
            + "nodes.log) in DIR and keep it; by default a temporary folder, deleted after a run that succeeded")
    Path data;

    @CommandLine.Mixin
    BenchTuning tuning;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        BenchSettings settings = tuning.apply(quick ? BenchSettings.quick() : BenchSettings.full(), spec);
        BenchReport report;
        try {
            report = new BenchRunner(settings, out, spec.commandLine().getErr())
                    .run(commandLine(), Optional.ofNullable(data));
        } catch (IllegalStateException | IOException e) {
            // a stalled pipeline, a rejected notice, a full disk: the reason, not a stack trace
            spec.commandLine().getErr().println("ncb bench: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
        new ReportTable(out).print(report);
        if (json != null) {
            Files.write(json, StrictJson.mapper().writer().with(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsBytes(report));
            out.println("JSON written to " + json);
        }
        if (chart != null) {
            Files.writeString(chart, new LatencyChart(report.latency).svg("ncb bench: latency against offered load"),
                    StandardCharsets.UTF_8);
            out.println("chart written to " + chart);
        }
        out.flush();
        return 0;
    }

    /** The command as typed, for the report: what reproduces its figures. */
    private String commandLine() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        int own = args.indexOf("bench") + 1;
        return String.join(" ", java.util.stream.Stream.concat(java.util.stream.Stream.of("ncb", "bench"),
                args.subList(own, args.size()).stream()).toList());
    }
}
