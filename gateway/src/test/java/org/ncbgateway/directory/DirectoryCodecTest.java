package org.ncbgateway.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.ncbgateway.testing.ExampleFederation;

class DirectoryCodecTest {

    private final Directory example = ExampleFederation.directory();
    private final String json = new String(DirectoryCodec.encode(example), StandardCharsets.UTF_8);

    @Test
    void round_trips_the_example_directory() throws Exception {
        assertThat(DirectoryCodec.decode(json.getBytes(StandardCharsets.UTF_8), "test")).isEqualTo(example);
        assertThat(json).contains("\"role\" : \"bureau\"", "\"region\" : \"MIDDLE-EAST\"",
                "\"issuedAt\" : \"" + example.issuedAt() + "\"");
    }

    @Test
    void names_a_certificate_that_is_not_pem() {
        String bad = json.replaceFirst("\"signingCert\" : \"-----BEGIN CERTIFICATE-----", "\"signingCert\" : \"");
        assertRefused(bad, "/nodes/0/signingCert: not a PEM X.509 certificate");
    }

    @Test
    void refuses_a_node_listed_twice() {
        String bad = json.replace("\"code\" : \"BE\"", "\"code\" : \"FR\"");
        assertRefused(bad, "/code: FR appears twice");
    }

    @Test
    void refuses_a_link_to_an_unknown_node() {
        String bad = json.replaceFirst("\"links\" : \\[ \"BE\"", "\"links\" : [ \"XX\"");
        assertRefused(bad, "/links/0: XX is not in the directory");
    }

    @Test
    void refuses_duplicate_keys_and_unknown_fields() {
        assertRefused(json.replaceFirst("\\{", "{ \"version\" : 9,"), "Duplicate field 'version'");
        assertRefused(json.replaceFirst("\\{", "{ \"extra\" : 1,"), "extra");
    }

    @Test
    void names_a_field_of_the_wrong_type() {
        assertRefused(json.replaceFirst("\"role\" : \"secretariat\"", "\"role\" : \"king\""), "/nodes/0/role");
    }

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> DirectoryCodec.decode(json.getBytes(StandardCharsets.UTF_8), "directory.json"))
                .isInstanceOfSatisfying(DirectoryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DirectoryException.Reason.MALFORMED);
                    assertThat(e.getMessage()).startsWith("directory.json: ").contains(message);
                });
    }
}
