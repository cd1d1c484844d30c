package org.ncbgateway.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs every file of schemas/examples: each valid one passes, each invalid one fails for its stated reason. */
class ExampleSuiteTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("ncb.repo.root", ".."), "schemas", "examples");
    private static final NoticeValidator VALIDATOR = new NoticeValidator();
    private static final JsonMapper MAPPER = new JsonMapper();

    @TestFactory
    Stream<DynamicTest> every_valid_example_passes() throws IOException {
        return examples("valid").map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () ->
                assertThat(VALIDATOR.validate(Files.readAllBytes(file)).errors()).isEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> every_invalid_example_fails_for_its_stated_reason() throws IOException {
        return examples("invalid").map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            JsonNode expect = MAPPER.readTree(expectationOf(file).toFile());
            List<ValidationError> errors = VALIDATOR.validate(Files.readAllBytes(file)).errors();
            assertThat(errors)
                    .as("errors of %s", file.getFileName())
                    .anySatisfy(error -> {
                        assertThat(error.pointer()).isEqualTo(expect.get("pointer").asString());
                        assertThat(error.rule()).isEqualTo(expect.get("rule").asString());
                        assertThat(error.stage().name()).isEqualToIgnoringCase(expect.get("stage").asString());
                    });
        }));
    }

    @Test
    void every_kind_has_a_valid_example_and_every_semantic_rule_an_invalid_one() throws IOException {
        List<String> kinds;
        try (Stream<Path> files = examples("valid")) {
            kinds = files.map(f -> readKind(f)).distinct().toList();
        }
        assertThat(kinds).hasSize(org.ncbgateway.message.MessageKind.values().length);
        List<String> rules;
        try (Stream<Path> files = examples("invalid")) {
            rules = files.map(f -> MAPPER.readTree(expectationOf(f).toFile()).get("rule").asString()).toList();
        }
        assertThat(rules).contains("calendar-date", "valid-until-window", "document-validity", "mrz-format",
                "mrz-check-digit", "mrz-agreement", "biometric-sha256", "biometric-base64", "id-issuer", "id-year",
                "json-duplicate-key", "json-truncated", "json-utf8", "json-syntax", "json-depth-limit");
    }

    private static String readKind(Path file) {
        return MAPPER.readTree(file.toFile()).get("kind").asString();
    }

    private static Path expectationOf(Path example) {
        String name = example.getFileName().toString();
        return example.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".expect.json");
    }

    private static Stream<Path> examples(String folder) throws IOException {
        return Files.list(EXAMPLES.resolve(folder))
                .filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".expect.json"))
                .sorted();
    }
}
