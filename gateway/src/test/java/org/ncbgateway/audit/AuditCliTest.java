package org.ncbgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.cli.NcbTestAccess;

/** {@code ncb audit verify} and {@code ncb audit show} end to end, on logs made by the real log, sealer and witness. */
class AuditCliTest {

    @TempDir
    Path base;
    LogScenario scenario;
    Path rootPem;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void buildLogs() throws Exception {
        scenario = new LogScenario(base.resolve("logs"));
        rootPem = base.resolve("root.pem");
        Files.writeString(rootPem, pem(scenario.federation.root.getEncoded()));
    }

    private int ncb(String... args) {
        return NcbTestAccess.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END CERTIFICATE-----\n";
    }

    /** DE's log: it sent each of FR's received messages to FR, and one more that FR never logged. */
    private Path senderLog(boolean withLostMessage) throws IOException {
        Path de = base.resolve("logs/DE");
        try (MessageLog log = MessageLog.open(de, "DE")) {
            List<UUID> ids = new ArrayList<>(scenario.messages);
            if (withLostMessage) {
                ids.add(UUID.randomUUID());
            }
            for (UUID id : ids) {
                log.append(LogEvent.of(EntryType.SENT, id.toString(), "diffusion", "FR",
                        scenario.federation.wire("DE", id, "diffusion")));
            }
        }
        return de;
    }

    @Test
    void verify_passes_clean_logs_matches_sent_with_received_and_writes_both_reports() throws IOException {
        Path de = senderLog(false);
        Path json = base.resolve("report.json");
        Path html = base.resolve("report.html");
        int status = ncb("audit", "verify", scenario.fr.toString(), scenario.hub.toString(), de.toString(),
                "--root", rootPem.toString(), "--json", json.toString(), "--html", html.toString());

        assertThat(status).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("verified: no findings")
                .contains("10 sent or relayed message(s) received at the next hop")
                .contains("node FR, 14 entries");
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.path("clean").asBoolean()).isTrue();
        assertThat(report.path("logs")).hasSize(3);
        assertThat(report.path("crossNode").path("sentMatchedByReceived").asInt()).isEqualTo(10);
        assertThat(Files.readString(html)).contains("<h2>Timeline</h2>").contains(scenario.messages.get(0).toString())
                .contains("no findings");
    }

    @Test
    void verify_exits_1_naming_every_finding_with_its_entry() throws IOException {
        Path de = senderLog(true);
        Path json = base.resolve("report.json");
        int status = ncb("audit", "verify", scenario.fr.toString(), de.toString(), "--root", rootPem.toString(),
                "--json", json.toString(), "--html", base.resolve("report.html").toString());

        assertThat(status).isEqualTo(1);
        assertThat(out.toString()).contains("1 finding(s):").contains(de + " seq 11 (00000000000000000001.seg@")
                .contains("SENT_NOT_RECEIVED");
        JsonNode finding = new ObjectMapper().readTree(json.toFile()).path("crossNode").path("findings").get(0);
        assertThat(finding.path("seq").asLong()).isEqualTo(11);
        assertThat(finding.path("code").asText()).isEqualTo("SENT_NOT_RECEIVED");
        assertThat(finding.path("expected").asText()).isEqualTo("received at FR");
    }

    @Test
    void verify_names_a_root_file_that_is_not_a_certificate_and_exits_2() throws IOException {
        Path bad = base.resolve("not-a-root.pem");
        Files.writeString(bad, "hello");
        assertThat(ncb("audit", "verify", scenario.fr.toString(), "--root", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(bad.toString()).contains("not a PEM or DER X.509 certificate");
    }

    @Test
    void verify_names_a_folder_that_holds_no_log_and_exits_2() {
        assertThat(ncb("audit", "verify", base.toString(), "--root", rootPem.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(base.toString()).contains("no log segment");
    }

    @Test
    void show_tells_the_story_of_one_message_with_the_seal_and_witness_that_cover_it() {
        String id = scenario.messages.get(2).toString();
        assertThat(ncb("audit", "show", scenario.fr.toString(), "--message", id)).isZero();
        assertThat(out.toString()).contains("message " + id)
                .contains("kind diffusion, from DE")
                .contains("FR seq 3  received from DE")
                .contains("sealed at seq 6, witnessed by HUB-EUROPE at seq 7");
    }

    @Test
    void show_exits_1_for_a_message_not_in_the_log() {
        assertThat(ncb("audit", "show", scenario.fr.toString(), "--message", "no-such-id")).isEqualTo(1);
        assertThat(err.toString()).contains("message no-such-id is not in");
    }
}
