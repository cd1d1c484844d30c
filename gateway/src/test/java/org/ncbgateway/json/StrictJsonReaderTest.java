package org.ncbgateway.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StrictJsonReaderTest {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    private final StrictJsonReader reader = new StrictJsonReader();

    private static JsonRejectedException rejection(StrictJsonReader reader, byte[] bytes) {
        return assertTimeout(ONE_SECOND,
                () -> catchThrowableOfType(JsonRejectedException.class, () -> reader.read(bytes)));
    }

    private JsonRejectedException rejection(String json) {
        return rejection(reader, json.getBytes(UTF_8));
    }

    @Test
    void reads_a_well_formed_document() throws Exception {
        JsonNode node = reader.read("{\"kind\":\"hit\",\"n\":[1,2]}".getBytes(UTF_8));
        assertThat(node.get("kind").asString()).isEqualTo("hit");
    }

    @Test
    void refuses_a_100000_deep_nested_array_quickly() {
        byte[] deep = new byte[200_000];
        Arrays.fill(deep, 0, 100_000, (byte) '[');
        Arrays.fill(deep, 100_000, 200_000, (byte) ']');
        JsonRejectedException e = rejection(reader, deep);
        assertThat(e.rule()).isEqualTo("json-depth-limit");
        assertThat(e.getMessage()).contains("deeper than 64 levels");
    }

    @Test
    void refuses_a_50_mib_string_by_document_size_with_default_limits() {
        JsonRejectedException e = rejection(reader, fiftyMibString());
        assertThat(e.rule()).isEqualTo("json-size-limit");
        assertThat(e.getMessage()).contains("exceeds the limit of 16777216 bytes");
    }

    @Test
    void refuses_a_50_mib_string_by_string_length_when_the_document_limit_allows_it() {
        StrictJsonReader roomy = new StrictJsonReader(new JsonLimits(64L << 20, 64, 1 << 20, 64, 256));
        JsonRejectedException e = rejection(roomy, fiftyMibString());
        assertThat(e.rule()).isEqualTo("json-string-limit");
        assertThat(e.getMessage()).contains("longer than 1048576 characters");
    }

    private static byte[] fiftyMibString() {
        byte[] doc = new byte[50 * 1024 * 1024 + 13];
        byte[] head = "{\"photo\":\"".getBytes(UTF_8);
        System.arraycopy(head, 0, doc, 0, head.length);
        Arrays.fill(doc, head.length, doc.length - 2, (byte) 'A');
        doc[doc.length - 2] = '"';
        doc[doc.length - 1] = '}';
        return doc;
    }

    @Test
    void refuses_duplicate_keys_naming_the_key_and_place() {
        JsonRejectedException e = rejection("{\"issuer\":{\"bureau\":\"FR\",\"bureau\":\"DE\"}}");
        assertThat(e.rule()).isEqualTo("json-duplicate-key");
        assertThat(e.getMessage()).contains("\"bureau\"").contains("line 1");
        assertThat(e.pointer()).startsWith("/issuer");
    }

    @Test
    void refuses_invalid_utf8_with_its_offset() {
        byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        JsonRejectedException e = rejection(reader, bytes);
        assertThat(e.rule()).isEqualTo("json-utf8");
        assertThat(e.getMessage()).contains("byte offset 6");
    }

    @Test
    void refuses_an_overlong_utf8_encoding() {
        byte[] bytes = {'"', (byte) 0xC0, (byte) 0xAF, '"'};
        assertThat(rejection(reader, bytes).rule()).isEqualTo("json-utf8");
    }

    @Test
    void refuses_utf16_input() {
        assertThat(rejection(reader, "{\"a\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_16LE)).rule())
                .isEqualTo("json-utf8");
    }

    @Test
    void refuses_truncated_input() {
        assertThat(rejection("{\"kind\":\"hit\",\"subjects\":[{").rule()).isEqualTo("json-truncated");
        assertThat(rejection("").rule()).isEqualTo("json-truncated");
    }

    @Test
    void refuses_trailing_content_and_bad_syntax() {
        assertThat(rejection("{\"a\":1} {\"b\":2}").rule()).isEqualTo("json-syntax");
        assertThat(rejection("{\"a\":01}").rule()).isEqualTo("json-syntax");
        assertThat(rejection("{'a':1}").rule()).isEqualTo("json-syntax");
    }

    @Test
    void refuses_an_oversized_number() {
        assertThat(rejection("{\"n\":" + "9".repeat(1000) + "}").rule()).isEqualTo("json-number-limit");
    }

    @Test
    void refuses_an_oversized_property_name() {
        assertThat(rejection("{\"" + "k".repeat(1000) + "\":1}").rule()).isEqualTo("json-name-limit");
    }
}
