package org.ncbgateway.cli.bench;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options of {@code ncb bench} that change one setting of the full or {@code --quick} preset. */
final class BenchTuning {

    @Option(names = "--recipients", split = ",", paramLabel = "N", description = "recipient counts (default: 1,10,196)")
    List<Integer> recipients;

    @Option(names = "--warmup", paramLabel = "N",
            description = "unmeasured messages before each recipient count, after the time-based warm-up (default: 0)")
    Integer warmup;

    @Option(names = "--warmup-seconds", paramLabel = "SECONDS",
            description = "at most this long before the first figure, every workload at full speed until the JIT "
                    + "has settled (default: 180, --quick 6; 0: none)")
    Double warmupSeconds;

    @Option(names = "--jit-settled", paramLabel = "SHARE",
            description = "the JIT has settled when it compiles less than this share of the time, sampled every 5 s "
                    + "(--quick 2 s) (default: 0.05, i.e. 50 ms per second)")
    Double jitSettled;

    @Option(names = "--messages", paramLabel = "N",
            description = "messages sent as fast as possible, one recipient (default: 2000, --quick 200)")
    Integer messages;

    @Option(names = "--window", paramLabel = "SECONDS", description = "duration of each offered load (default: 10, --quick 1)")
    Double window;

    @Option(names = "--stage-seconds", paramLabel = "SECONDS",
            description = "measuring time of each stage and ceiling alone (default: 3, --quick 0.4)")
    Double stageSeconds;

    @Option(names = "--soak", paramLabel = "DURATION", converter = SoakDuration.class,
            description = "after the figures, run this long (e.g. 10m, 90s, PT10M) at --soak-fraction of the "
                    + "one-recipient throughput, printing the heap after GC as it goes")
    Duration soak;

    @Option(names = "--soak-fraction", paramLabel = "FRACTION", defaultValue = "0.5",
            description = "offered load of the soak, as a fraction of the throughput (default: ${DEFAULT-VALUE})")
    double soakFraction;

    BenchSettings apply(BenchSettings preset, CommandSpec spec) {
        if (recipients != null && recipients.stream().anyMatch(r -> r < 1 || r > BenchSettings.MAX_RECIPIENTS)) {
            throw new ParameterException(spec.commandLine(), "--recipients: counts from 1 to " + BenchSettings.MAX_RECIPIENTS);
        }
        if ((warmup != null && warmup < 0) || (messages != null && messages < 1) || (window != null && window <= 0)
                || (stageSeconds != null && stageSeconds <= 0) || soakFraction <= 0 || soakFraction > 1
                || (warmupSeconds != null && warmupSeconds < 0) || (jitSettled != null && jitSettled <= 0)) {
            throw new ParameterException(spec.commandLine(),
                    "--warmup and --warmup-seconds must not be negative; --messages, --window, --stage-seconds and "
                    + "--jit-settled must be positive; --soak-fraction from 0 (excluded) to 1");
        }
        SteadyWarmup.Policy steady = new SteadyWarmup.Policy(jitSettled != null ? jitSettled
                : preset.steady().settledShare(), preset.steady().sample(),
                warmupSeconds != null ? seconds(warmupSeconds) : preset.steady().maximum());
        return new BenchSettings(recipients != null ? List.copyOf(recipients) : preset.recipients(), preset.senders(),
                warmup != null ? warmup : preset.warmup(), steady, messages != null ? messages : preset.saturation(),
                window != null ? seconds(window) : preset.window(), preset.loads(), preset.fractions(),
                stageSeconds != null ? seconds(stageSeconds) : preset.stageWindow(), Optional.ofNullable(soak),
                soakFraction);
    }

    /** {@code 90s}, {@code 10m}, {@code 1h}, or ISO-8601 ({@code PT10M}). */
    static final class SoakDuration implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Matcher compact = SHORT.matcher(value);
            try {
                Duration duration = compact.matches() ? Duration.of(Long.parseLong(compact.group(1)),
                        switch (compact.group(2)) {
                            case "s" -> ChronoUnit.SECONDS;
                            case "m" -> ChronoUnit.MINUTES;
                            default -> ChronoUnit.HOURS;
                        }) : Duration.parse(value);
                if (duration.isNegative() || duration.isZero()) {
                    throw new TypeConversionException("'" + value + "': a soak lasts a positive time");
                }
                return duration;
            } catch (DateTimeParseException | ArithmeticException e) {
                throw new TypeConversionException("'" + value + "' is not a duration such as 90s, 10m, 1h or PT10M");
            }
        }
    }

    private static final Pattern SHORT = Pattern.compile("^([0-9]{1,6})([smh])$");

    private static Duration seconds(double seconds) {
        return Duration.ofMillis((long) (seconds * 1000));
    }
}
