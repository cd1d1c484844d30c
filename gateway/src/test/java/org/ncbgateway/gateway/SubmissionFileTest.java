package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.Priority;

class SubmissionFileTest {

    private static final String PAYLOAD = "{\"kind\":\"diffusion\",\"id\":\"FR-2026-000001\",\"schemaVersion\":\"1.0\"}";

    private static Submission read(String json) throws SubmissionException {
        return SubmissionFile.read(json.getBytes(StandardCharsets.UTF_8), "drop/a.json");
    }

    @Test
    void round_trips_a_submission() throws SubmissionException {
        Submission original = new Submission(UUID.randomUUID(), MessageKind.DIFFUSION, "FR-2026-000001",
                List.of("DE", "region:EUROPE"), List.of("NL"), Priority.URGENT, Optional.of(UUID.randomUUID()),
                PAYLOAD.getBytes(StandardCharsets.UTF_8));

        Submission read = SubmissionFile.read(SubmissionFile.write(original), "x");

        assertThat(read).usingRecursiveComparison().isEqualTo(original);
    }

    @Test
    void takes_kind_and_id_from_the_payload_and_defaults_the_rest() throws SubmissionException {
        Submission read = read("{\"to\":[\"DE\"],\"payload\":" + PAYLOAD + "}");

        assertThat(read.kind()).isEqualTo(MessageKind.DIFFUSION);
        assertThat(read.payloadId()).isEqualTo("FR-2026-000001");
        assertThat(read.excluded()).isEmpty();
        assertThat(read.priority()).isEqualTo(Priority.NORMAL);
        assertThat(read.inReplyTo()).isEmpty();
    }

    @Test
    void names_the_file_and_pointer_of_each_mistake() {
        assertThatThrownBy(() -> read("{\"payload\":" + PAYLOAD + "}"))
                .hasMessage("drop/a.json: /to: required, a non-empty array of node codes");
        assertThatThrownBy(() -> read("{\"to\":[\"DE\", 3],\"payload\":" + PAYLOAD + "}"))
                .hasMessageStartingWith("drop/a.json: /to/1: ");
        assertThatThrownBy(() -> read("{\"to\":[\"DE\"],\"payload\":{\"kind\":\"gossip\",\"id\":\"x\"}}"))
                .hasMessage("drop/a.json: /payload/kind: unknown kind 'gossip'");
        assertThatThrownBy(() -> read("{\"to\":[\"DE\"],\"priority\":\"asap\",\"payload\":" + PAYLOAD + "}"))
                .hasMessageStartingWith("drop/a.json: /priority: 'asap'");
        assertThatThrownBy(() -> read("{\"to\":[\"DE\"],\"cc\":[],\"payload\":" + PAYLOAD + "}"))
                .hasMessageStartingWith("drop/a.json: /cc: unknown field");
        assertThatThrownBy(() -> read("{\"to\":[\"DE\"],\"to\":[\"BE\"],\"payload\":" + PAYLOAD + "}"))
                .hasMessageStartingWith("drop/a.json: not a JSON submission: Duplicate field 'to'");
    }
}
