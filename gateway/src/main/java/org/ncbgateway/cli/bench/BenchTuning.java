package org.ncbgateway.cli.bench;

import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options of {@code ncb bench} that change one setting of the full or {@code --quick} preset. */
final class BenchTuning {

    @Option(names = "--recipients", split = ",", paramLabel = "N", description = "recipient counts (default: 1,10,196)")
    List<Integer> recipients;

    @Option(names = "--warmup", paramLabel = "N",
            description = "unmeasured messages before each recipient count (default: 400, --quick 100)")
    Integer warmup;

    @Option(names = "--messages", paramLabel = "N",
            description = "messages sent as fast as possible, one recipient (default: 3000, --quick 400)")
    Integer messages;

    @Option(names = "--window", paramLabel = "SECONDS", description = "duration of each offered load (default: 10, --quick 1.5)")
    Double window;

    @Option(names = "--stage-seconds", paramLabel = "SECONDS",
            description = "measuring time of each stage and ceiling alone (default: 3, --quick 0.7)")
    Double stageSeconds;

    BenchSettings apply(BenchSettings preset, CommandSpec spec) {
        if (recipients != null && recipients.stream().anyMatch(r -> r < 1 || r > BenchSettings.MAX_RECIPIENTS)) {
            throw new ParameterException(spec.commandLine(), "--recipients: counts from 1 to " + BenchSettings.MAX_RECIPIENTS);
        }
        if ((warmup != null && warmup < 0) || (messages != null && messages < 1) || (window != null && window <= 0)
                || (stageSeconds != null && stageSeconds <= 0)) {
            throw new ParameterException(spec.commandLine(),
                    "--warmup must not be negative; --messages, --window and --stage-seconds must be positive");
        }
        return new BenchSettings(recipients != null ? List.copyOf(recipients) : preset.recipients(), preset.senders(),
                warmup != null ? warmup : preset.warmup(), messages != null ? messages : preset.saturation(),
                window != null ? seconds(window) : preset.window(), preset.loads(), preset.fractions(),
                stageSeconds != null ? seconds(stageSeconds) : preset.stageWindow());
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis((long) (seconds * 1000));
    }
}
