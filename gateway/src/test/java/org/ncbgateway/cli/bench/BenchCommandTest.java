package org.ncbgateway.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    private final BenchCli cli = new BenchCli();

    @Test
    void measures_every_section_on_a_live_federation_and_writes_json_and_a_chart(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench.json");
        Path chart = dir.resolve("bench.svg");
        int status = cli.run("--quick", "--recipients", "1,5", "--warmup", "2", "--warmup-seconds", "0.5",
                "--messages", "8", "--window", "0.2",
                "--stage-seconds", "0.1", "--soak", "1s", "--json", json.toString(), "--chart", chart.toString(),
                "--data", dir.resolve("runs").toString());
        assertThat(status).as(cli.err()).isZero();
        assertThat(cli.out()).contains("WARM-UP", "END-TO-END THROUGHPUT", "LATENCY AT FIXED OFFERED LOADS", "COST PER STAGE",
                "CEILING OF THIS MACHINE", "MEMORY", "SOAK");

        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.path("command").asText()).startsWith("ncb bench --quick --recipients 1,5");
        assertThat(report.path("machine").path("cores").asInt()).isPositive();
        assertThat(report.path("throughput")).extracting(t -> t.path("workload").asText() + "/"
                + t.path("recipients").asInt() + "/" + t.path("liveRecipients").asInt())
                .containsExactly("notice/1/1", "photo/1/1", "notice/5/3");
        report.path("throughput").forEach(t -> assertThat(t.path("perSecond").asDouble()).isPositive());
        JsonNode warmup = report.path("warmup");
        assertThat(warmup.path("workloads").asText()).isEqualTo("notice to 1, photo to 1, notice to 5");
        // batches at full speed for the half second at least, the first of ten messages
        assertThat(warmup.path("seconds").asDouble()).isGreaterThanOrEqualTo(0.5);
        assertThat(warmup.path("messages").asLong()).isGreaterThanOrEqualTo(SteadyWarmup.Policy.MIN_BATCH);
        assertThat(warmup.path("settledShare").asDouble()).isEqualTo(BenchSettings.JIT_SETTLED_SHARE);
        for (String section : List.of("throughput", "latency", "stages")) {
            report.path(section).forEach(window -> assertThat(window.path("jitMillis").isNumber()
                    && window.path("jitMillis").asDouble() >= 0).as(section + " " + window).isTrue());
        }
        assertThat(report.path("throughput").get(1).path("payloadBytes").asInt()).isGreaterThan(200_000);
        assertThat(report.path("latency")).extracting(l -> l.path("recipients").asInt()).contains(1, 5);
        report.path("latency").forEach(l -> assertThat(List.of(l.path("p50").asDouble(), l.path("p95").asDouble(),
                l.path("p99").asDouble(), l.path("max").asDouble())).isSorted().allMatch(v -> v > 0));
        assertThat(report.path("stages")).extracting(st -> st.path("stage").asText())
                .contains("validate", "seal", "open", "log", "broker");
        assertThat(report.path("stages")).extracting(st -> st.path("detail").asText())
                .contains("2 KB notice, 5 recipients", "200 KB photo notice, 1 recipient");
        report.path("stages").forEach(st -> assertThat(st.path("perSecond").asDouble()).as(st.toString()).isPositive());
        report.path("throughput").forEach(t -> assertThat(List.of(t.path("cpuMillis").asDouble(),
                t.path("busyCores").asDouble())).as(t.toString()).allMatch(v -> v > 0));
        JsonNode ceiling = report.path("ceiling");
        JsonNode crypto = ceiling.path("crypto");
        JsonNode broker = ceiling.path("broker");
        for (JsonNode part : List.of(crypto, broker)) {
            assertThat(List.of(part.path("perSecond").asDouble(), part.path("cpuMicros").asDouble(),
                    part.path("busyCores").asDouble())).as(part.toString()).allMatch(v -> v > 0);
            assertThat(part.path("jitMillis").isNumber() && part.path("jitMillis").asDouble() >= 0).isTrue();
        }
        double lower = Math.min(crypto.path("perSecond").asDouble(), broker.path("perSecond").asDouble());
        assertThat(ceiling.path("lowerPerSecond").asDouble()).isEqualTo(lower);
        double shared = ceiling.path("cores").asInt() * 1e6
                / (crypto.path("cpuMicros").asDouble() + broker.path("cpuMicros").asDouble());
        assertThat(ceiling.path("combinedPerSecond").asDouble()).isCloseTo(Math.min(lower, shared),
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(ceiling.path("fraction").asDouble()).isCloseTo(ceiling.path("pipelinePerSecond").asDouble()
                / ceiling.path("combinedPerSecond").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ceiling.path("fractionOfLower").asDouble()).isLessThanOrEqualTo(ceiling.path("fraction").asDouble());
        assertThat(crypto.path("work").asText()).contains("sealed by FR for DE", "receipt sealed for FR");
        assertThat(broker.path("work").asText()).contains("ncb.out.DE", "ncb.deliver", "ncb.out.FR");
        assertThat(report.path("memory")).hasSize(3).allMatch(m -> m.path("heapAfterGcMb").asDouble() > 1);
        assertThat(report.path("soakRate").asDouble()).isPositive();
        assertThat(report.path("soak")).isNotEmpty().allMatch(p -> p.path("heapAfterGcMb").asDouble() > 1
                && p.path("answered").asLong() > 0);

        assertThat(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(chart.toFile())
                .getElementsByTagName("polyline").getLength()).isEqualTo(4);
        assertThat(Files.readString(Path.of(report.path("data").asText(), "nodes.log"))).contains("event=delivered");
        assertThat(Path.of(report.path("data").asText())).hasParent(dir.resolve("runs"));
    }

    @Test
    void refuses_a_soak_that_is_not_a_duration() {
        assertThat(cli.run("--soak", "ten minutes")).isEqualTo(2);
        assertThat(cli.err()).contains("'ten minutes' is not a duration such as 90s, 10m, 1h or PT10M");
    }

    @Test
    void reads_a_soak_duration_in_seconds_minutes_hours_or_iso_8601() {
        BenchTuning.SoakDuration converter = new BenchTuning.SoakDuration();
        assertThat(List.of("90s", "10m", "1h", "PT10M").stream().map(converter::convert).map(Duration::toSeconds))
                .containsExactly(90L, 600L, 3600L, 600L);
    }

    @Test
    void refuses_a_recipient_count_beyond_the_generated_federation() {
        assertThat(cli.run("--recipients", "1,601")).isEqualTo(2);
        assertThat(cli.err()).contains("--recipients: counts from 1 to 600");
    }
}
