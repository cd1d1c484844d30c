package org.ncbgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.gateway.LocalFederation;
import org.ncbgateway.gateway.Submission;
import org.ncbgateway.gateway.SubmissionFile;
import org.ncbgateway.json.StrictJson;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.Priority;
import org.ncbgateway.testing.ExampleFederation;
import picocli.CommandLine;

/** {@code ncb directory publish}: a root-signed directory leaves GS's drop folder as a directory-update to all. */
class DirectoryPublishCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private LocalFederation federation;

    @BeforeEach
    void configure_GS_and_DE() throws Exception {
        federation = LocalFederation.prepare(ExampleFederation.dir(), temp, List.of("GS", "DE"), Clock.systemUTC());
    }

    @Test
    void submits_the_signed_directory_to_all_from_GS() throws Exception {
        assertThat(run("directory", "publish", "--config", federation.configFile("GS").toString(),
                "--id", "GS-2026-000051", ExampleFederation.signedDirectoryFile().toString())).isZero();

        List<Path> dropped = dropped("GS");
        assertThat(dropped).hasSize(1);
        Submission submission = SubmissionFile.read(Files.readAllBytes(dropped.get(0)), dropped.get(0).toString());
        assertThat(submission.kind()).isEqualTo(MessageKind.DIRECTORY_UPDATE);
        assertThat(submission.to()).containsExactly("all");
        assertThat(submission.priority()).isEqualTo(Priority.URGENT);
        JsonNode payload = StrictJson.mapper().readTree(submission.payload());
        assertThat(payload.path("directoryVersion").asLong()).isEqualTo(ExampleFederation.directory().version());
        assertThat(Base64.getDecoder().decode(payload.path("directory").asText()))
                .isEqualTo(ExampleFederation.signedDirectory());
        assertThat(out.toString()).contains("directory-update GS-2026-000051 (directory version 2) to all");
    }

    @Test
    void refuses_a_directory_not_signed_by_the_root_and_sends_nothing() throws Exception {
        byte[] altered = ExampleFederation.signedDirectory();
        altered[altered.length / 2] ^= 0x01;
        Path file = Files.write(temp.resolve("altered.p7s"), altered);

        assertThat(run("directory", "publish", "--config", federation.configFile("GS").toString(),
                "--id", "GS-2026-000052", file.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("ncb directory publish: ");
        assertThat(dropped("GS")).isEmpty();
    }

    @Test
    void refuses_a_node_other_than_the_secretariat_and_a_malformed_id() throws Exception {
        String signed = ExampleFederation.signedDirectoryFile().toString();
        assertThat(run("directory", "publish", "--config", federation.configFile("DE").toString(),
                "--id", "GS-2026-000053", signed)).isEqualTo(1);
        assertThat(err.toString()).contains("node.code is DE; only GS sends directory updates");
        assertThat(run("directory", "publish", "--config", federation.configFile("GS").toString(),
                "--id", "DE-1", signed)).isEqualTo(1);
        assertThat(err.toString()).contains("--id DE-1: ");
        assertThat(dropped("GS")).isEmpty();
        assertThat(dropped("DE")).isEmpty();
    }

    private List<Path> dropped(String code) throws Exception {
        Path drop = federation.config(code).dropDir();
        if (!Files.isDirectory(drop)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(drop)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private int run(String... arguments) {
        CommandLine commandLine = Ncb.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(arguments);
    }
}
