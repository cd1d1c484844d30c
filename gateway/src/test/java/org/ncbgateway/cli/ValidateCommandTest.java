package org.ncbgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("ncb.repo.root", ".."), "schemas", "examples");
    private static final Path VALID = EXAMPLES.resolve("valid/diffusion-ftf-wanted.json");
    private static final Path INVALID = EXAMPLES.resolve("invalid/mrz-td3-check-digit-wrong.json");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = Ncb.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    @Test
    void prints_valid_and_exits_0_when_every_file_is_valid() {
        assertThat(run("validate", VALID.toString())).isEqualTo(0);
        assertThat(out.toString()).isEqualTo(VALID + ": valid" + System.lineSeparator());
    }

    @Test
    void prints_each_error_with_file_pointer_reason_and_rule_and_exits_1() {
        assertThat(run("validate", VALID.toString(), INVALID.toString())).isEqualTo(1);
        assertThat(out.toString()).contains(VALID + ": valid")
                .contains(INVALID + ": /subjects/0/documents/0/mrz/1: TD3 document number check digit is 0, expected 3"
                        + " (mrz-check-digit)");
    }

    @Test
    void json_output_carries_every_verdict() {
        assertThat(run("validate", "--json", VALID.toString(), INVALID.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("\"valid\" : true").contains("\"valid\" : false")
                .contains("\"rule\" : \"mrz-check-digit\"").contains("\"stage\" : \"semantic\"");
    }

    @Test
    void a_deeply_nested_file_is_a_clear_error_not_a_stack_trace() throws IOException {
        Path deep = dir.resolve("deep.json");
        Files.writeString(deep, "[".repeat(100_000) + "]".repeat(100_000));
        assertThat(run("validate", deep.toString())).isEqualTo(1);
        assertThat(out.toString()).isEqualTo(deep + ": nesting deeper than 64 levels (json-depth-limit)"
                + System.lineSeparator());
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void a_50_mib_string_is_a_clear_error_within_a_second() throws IOException {
        Path huge = dir.resolve("huge.json");
        try (var writer = Files.newBufferedWriter(huge)) {
            writer.write("{\"summary\":\"");
            String chunk = "A".repeat(1 << 20);
            for (int i = 0; i < 50; i++) {
                writer.write(chunk);
            }
            writer.write("\"}");
        }
        int status = assertTimeout(Duration.ofSeconds(1), () -> run("validate", huge.toString()));
        assertThat(status).isEqualTo(1);
        assertThat(out.toString()).contains("exceeds the limit of 16777216 bytes (json-size-limit)");
    }

    @Test
    void a_file_over_the_size_limit_is_refused_without_reading_it() throws IOException {
        Path big = dir.resolve("big.json");
        Files.writeString(big, "{\"summary\":\"" + "x".repeat(2000) + "\"}");
        assertThat(run("validate", "--max-document-bytes", "1024", big.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("exceeds the limit of 1024 bytes (json-size-limit)");
    }

    @Test
    void a_missing_file_is_exit_2_naming_the_file() {
        Path missing = dir.resolve("missing.json");
        assertThat(run("validate", VALID.toString(), missing.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(missing + ": cannot read: no such file");
    }

    @Test
    void no_file_or_a_bad_limit_is_a_usage_error() {
        assertThat(run("validate")).isEqualTo(2);
        assertThat(run("validate", "--max-depth", "0", VALID.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("every JSON limit must be positive");
    }
}
