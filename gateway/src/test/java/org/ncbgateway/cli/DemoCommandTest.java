package org.ncbgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.testing.ExampleFederation;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * {@code ncb demo} once on fresh data (eight nodes of two regions, their hubs and the secretariat), then what
 * it printed and the logs it left, checked by the auditor's own command.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoCommandTest {

    private static final Pattern DATA = Pattern.compile("data in (\\S+)");
    private static final Pattern AUDIT = Pattern.compile("java -jar gateway/target/ncb-gateway.jar (audit verify .*)");
    /**
     * Hops between nodes that run in the demo, each a sent or relayed entry to match with a received one:
     * FR's diffusion, update and cancellation to DE and BE over direct links, with their receipts (3 x 4); DE's
     * hit to FR and its receipt (2); FR's region diffusion to DE directly and to NL through HUB-EUROPE, with
     * both receipts (3 + 3); NL's notice request to GS through HUB-EUROPE and its receipt (2 + 2); GS's notice
     * to FR, DE, BE, NL through HUB-EUROPE and to NG through HUB-AFRICA (7), with five receipts back the same
     * way (10); GS's review decision to NL and its receipt (2 + 2); NG's hit to NL through both hubs and its
     * receipt (3 + 3). The copies for the nodes that do not run wait at the hubs and are not hops to a log.
     */
    private static final int HOPS_BETWEEN_RUNNING_NODES = 51;
    private static final ObjectMapper JSON = new ObjectMapper();

    String run;
    Level rootLevelBefore;
    Level rootLevelAfter;

    @BeforeAll
    void playTheDemo() {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        rootLevelBefore = root.getLevel();
        run = ncb(0, "demo", "--federation", ExampleFederation.dir().toString());
        rootLevelAfter = root.getLevel();
    }

    @Test
    void puts_the_log_level_back_when_it_ends() {
        assertThat(rootLevelAfter).isEqualTo(rootLevelBefore);
    }

    @Test
    void plays_a_region_diffusion_a_reviewed_notice_and_hits_across_regions() {
        assertThat(run).contains("FR sends diffusion", "FR sends update", "DE sends hit", "FR sends cancellation")
                .containsPattern("DE +delivered +<- +FR +diffusion")
                .containsPattern("FR +receipt +<- +BE +receipt for diffusion FR-[0-9]{4}-000123 .* \\(delivered\\)")
                .contains("FR sends diffusion FR-", "to region:EUROPE except BE", "GS reviewer publishes NL-",
                        "GS sends notice GS-", "GS sends review-decision GS-", "NG sends hit on GS-")
                .containsPattern("HUB-EUROPE +relayed .*accomplice")
                .containsPattern("NL +delivered +<- +FR +diffusion FR-[0-9]{4}-000125")
                .doesNotContainPattern("BE +(received|delivered) .*accomplice")
                .containsPattern("NL +delivered +<- +GS +review-decision")
                .containsPattern("NG +delivered +<- +GS +notice")
                .containsPattern("NL +delivered +<- +NG +hit on GS-")
                .containsPattern("GS +notice GS-[0-9]{4}-000001 .*BR pending .*FR delivered .*NG delivered")
                .contains("OK: every addressee received exactly what was addressed to it");
    }

    @Test
    void every_log_passes_the_audit_it_prints_and_each_hop_between_running_nodes_is_received(@TempDir Path reports)
            throws IOException {
        Matcher printed = AUDIT.matcher(run);
        assertThat(printed.find()).as(run).isTrue();
        List<String> command = new ArrayList<>(Arrays.asList(printed.group(1).split(" ")));
        assertThat(command).contains(Path.of(dataFolder(), "GS", "data", "log").toString(),
                Path.of(dataFolder(), "HUB-AFRICA", "data", "log").toString());
        Path json = reports.resolve("audit.json");
        command.addAll(List.of("--json", json.toString(), "--html", reports.resolve("audit.html").toString()));

        String audit = ncb(0, command.toArray(String[]::new));

        assertThat(audit).contains("verified: no findings").contains("across logs: " + HOPS_BETWEEN_RUNNING_NODES
                + " sent or relayed message(s) received at the next hop, 0 finding(s)");
        JsonNode report = JSON.readTree(json.toFile());
        assertThat(report.path("clean").asBoolean()).isTrue();
        assertThat(report.path("logs")).hasSize(8);
        assertThat(report.path("crossNode").path("sentMatchedByReceived").asInt()).isEqualTo(HOPS_BETWEEN_RUNNING_NODES);
    }

    @Test
    void never_plays_on_data_left_by_a_previous_run() {
        String refused = ncb(2, "demo", "--federation", ExampleFederation.dir().toString(), "--work", dataFolder());

        assertThat(refused).contains("is not empty; the demo starts from fresh data");
    }

    private String dataFolder() {
        Matcher matcher = DATA.matcher(run);
        assertThat(matcher.find()).as(run).isTrue();
        return matcher.group(1);
    }

    private static String ncb(int expectedStatus, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = Ncb.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));

        int status = cli.execute(args);

        assertThat(status).as(out.toString()).isEqualTo(expectedStatus);
        return out.toString();
    }
}
