package org.ncbgateway.notice;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.ReasonCode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class NoticeValidatorTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("ncb.repo.root", ".."), "schemas", "examples");
    private static final NoticeValidator VALIDATOR = new NoticeValidator();

    private static byte[] example(String name) throws IOException {
        return Files.readAllBytes(EXAMPLES.resolve(name));
    }

    @Test
    void exposes_the_payload_kind_for_the_header_comparison() throws IOException {
        JsonMapper mapper = new JsonMapper();
        assertThat(NoticeValidator.kindOf(mapper.readTree(example("valid/hit.json")))).contains(MessageKind.HIT);
        assertThat(NoticeValidator.kindOf(mapper.readTree("{\"kind\":\"bulletin\"}"))).isEmpty();
        assertThat(NoticeValidator.kindOf(mapper.readTree("{\"kind\":7}"))).isEmpty();
    }

    @Test
    void semantic_only_failures_answer_semantic_invalid() throws IOException {
        ValidationReport report = VALIDATOR.validate(example("invalid/mrz-number-disagrees.json"));
        assertThat(report.errors()).allMatch(e -> e.stage() == ValidationStage.SEMANTIC);
        assertThat(report.reasonCode()).contains(ReasonCode.SEMANTIC_INVALID);
    }

    @Test
    void schema_and_reading_failures_answer_schema_invalid() throws IOException {
        assertThat(VALIDATOR.validate(example("invalid/notice-red-without-legal-basis.json")).reasonCode())
                .contains(ReasonCode.SCHEMA_INVALID);
        assertThat(VALIDATOR.validate("{\"kind\":".getBytes(UTF_8)).reasonCode()).contains(ReasonCode.SCHEMA_INVALID);
    }

    @Test
    void semantic_rules_run_only_on_schema_valid_payloads() throws IOException {
        String broken = new String(example("invalid/valid-until-beyond-five-years.json"), UTF_8)
                .replace("\"language\": \"en\"", "\"language\": \"english\"");
        List<ValidationError> errors = VALIDATOR.validate(broken.getBytes(UTF_8)).errors();
        assertThat(errors).extracting(ValidationError::rule).containsExactly("enum");
    }

    @Test
    void a_notice_carrying_a_200_kb_photo_is_valid_under_the_default_limits() throws Exception {
        JsonMapper mapper = new JsonMapper();
        ObjectNode notice = (ObjectNode) mapper.readTree(example("valid/notice-red.json"));
        byte[] photo = new byte[200 * 1024];
        new java.util.Random(7).nextBytes(photo);
        ObjectNode biometric = (ObjectNode) notice.at("/subjects/0/biometrics/0");
        biometric.put("data", Base64.getEncoder().encodeToString(photo));
        biometric.put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo)));
        assertThat(VALIDATOR.validate(mapper.writeValueAsBytes(notice)).errors()).isEmpty();
        photo[0] ^= 1;
        biometric.put("data", Base64.getEncoder().encodeToString(photo));
        assertThat(VALIDATOR.validate(mapper.writeValueAsBytes(notice)).errors())
                .extracting(ValidationError::rule).containsExactly("biometric-sha256");
    }

    @Test
    void one_validator_gives_the_same_verdicts_from_many_threads() throws IOException {
        byte[] valid = example("valid/diffusion-ftf-wanted.json");
        byte[] invalid = example("invalid/mrz-td1-check-digit-wrong.json");
        List<CompletableFuture<Boolean>> runs = IntStream.range(0, 200)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> VALIDATOR.validate(i % 2 == 0 ? valid : invalid).valid()))
                .toList();
        for (int i = 0; i < runs.size(); i++) {
            assertThat(runs.get(i).join()).isEqualTo(i % 2 == 0);
        }
    }
}
