package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcceptedIdsTest {

    @TempDir
    Path dir;

    @Test
    void remembers_accepted_ids_across_reopening() throws IOException {
        Path file = dir.resolve("accepted-ids");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        try (AcceptedIds ids = AcceptedIds.open(file)) {
            assertThat(ids.markAccepted(first)).isTrue();
            assertThat(ids.markAccepted(second)).isTrue();
        }

        try (AcceptedIds ids = AcceptedIds.open(file)) {
            assertThat(ids.acceptedBefore(first)).isTrue();
            assertThat(ids.acceptedBefore(second)).isTrue();
            assertThat(ids.acceptedBefore(UUID.randomUUID())).isFalse();
            assertThat(ids.size()).isEqualTo(2);
        }
    }

    @Test
    void marking_twice_writes_once() throws IOException {
        Path file = dir.resolve("accepted-ids");
        UUID id = UUID.randomUUID();
        try (AcceptedIds ids = AcceptedIds.open(file)) {
            ids.markAccepted(id);
            assertThat(ids.markAccepted(id)).isFalse();
        }
        assertThat(Files.readAllLines(file)).containsExactly(id.toString());
    }

    @Test
    void discards_a_line_torn_by_a_crash_and_appends_after_the_last_whole_one() throws IOException {
        Path file = dir.resolve("accepted-ids");
        UUID kept = UUID.randomUUID();
        UUID torn = UUID.randomUUID();
        Files.writeString(file, kept + "\n" + torn.toString().substring(0, 20), StandardCharsets.US_ASCII);

        UUID next = UUID.randomUUID();
        try (AcceptedIds ids = AcceptedIds.open(file)) {
            assertThat(ids.acceptedBefore(kept)).isTrue();
            assertThat(ids.acceptedBefore(torn)).isFalse();
            ids.markAccepted(next);
        }
        assertThat(Files.readAllLines(file)).containsExactly(kept.toString(), next.toString());
    }

    @Test
    void refuses_a_file_that_is_not_a_list_of_ids() throws IOException {
        Path file = dir.resolve("accepted-ids");
        Files.writeString(file, "x".repeat(36) + "\n", StandardOpenOption.CREATE);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AcceptedIds.open(file))
                .isInstanceOf(IOException.class).hasMessageContaining("line 1 is not a message id");
    }
}
