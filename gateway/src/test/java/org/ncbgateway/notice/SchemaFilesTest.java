package org.ncbgateway.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.ncbgateway.message.MessageKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The house rules of the schema files themselves: stable ids, offline references, anchored patterns. */
class SchemaFilesTest {

    private static final Path SCHEMAS = Path.of(System.getProperty("ncb.repo.root", ".."), "schemas");
    private static final JsonMapper MAPPER = new JsonMapper();

    @Test
    void there_is_one_schema_per_message_kind() {
        for (MessageKind kind : MessageKind.values()) {
            assertThat(SCHEMAS.resolve(kind.wireName() + ".json")).as(kind.wireName()).isRegularFile();
        }
    }

    @TestFactory
    Stream<DynamicTest> every_schema_follows_the_house_rules() throws IOException {
        return Files.list(SCHEMAS).filter(f -> f.toString().endsWith(".json")).sorted()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    JsonNode schema = MAPPER.readTree(file.toFile());
                    assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
                    assertThat(schema.get("$id").asString()).isEqualTo(SchemaCatalog.BASE_ID + file.getFileName());
                    List<String> refs = new ArrayList<>();
                    List<String> patterns = new ArrayList<>();
                    collect(schema, refs, patterns);
                    assertThat(refs).as("references stay among the bundled files")
                            .allMatch(ref -> !ref.contains(":") && (ref.startsWith("#") || ref.matches("^[a-z-]+\\.json(#.*)?$")));
                    assertThat(patterns).as("patterns are anchored").allMatch(p -> p.startsWith("^") && p.endsWith("$"));
                }));
    }

    private static void collect(JsonNode node, List<String> refs, List<String> patterns) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if ("$ref".equals(entry.getKey())) {
                    refs.add(entry.getValue().asString());
                } else if ("pattern".equals(entry.getKey()) && entry.getValue().isString()) {
                    patterns.add(entry.getValue().asString());
                }
                collect(entry.getValue(), refs, patterns);
            });
        } else if (node.isArray()) {
            node.values().forEach(child -> collect(child, refs, patterns));
        }
    }
}
