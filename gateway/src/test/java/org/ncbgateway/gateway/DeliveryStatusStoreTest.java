package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.ReasonCode;

class DeliveryStatusStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-29T04:00:00Z");

    @TempDir
    Path dir;

    @Test
    void follows_each_recipient_from_pending_to_its_receipt_and_survives_reopening() throws IOException {
        Path file = dir.resolve("status.jsonl");
        UUID id = UUID.randomUUID();
        try (DeliveryStatusStore store = DeliveryStatusStore.open(file)) {
            store.recordSent(id, MessageKind.DIFFUSION, "FR-2026-000001", List.of("DE", "BE", "NL"), T0);
            store.recordReceipt(id, "DE", ReceiptOutcome.delivered(), T0.plusSeconds(1));
            store.recordReceipt(id, "BE", ReceiptOutcome.rejected(ReasonCode.SCHEMA_INVALID, "/subjects: required"),
                    T0.plusSeconds(2));
        }

        try (DeliveryStatusStore store = DeliveryStatusStore.open(file)) {
            MessageStatus status = store.find(id).orElseThrow();
            assertThat(status.recipients()).extracting(RecipientStatus::recipient, RecipientStatus::state,
                            RecipientStatus::code)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("DE", RecipientState.DELIVERED, null),
                            org.assertj.core.groups.Tuple.tuple("BE", RecipientState.REJECTED, ReasonCode.SCHEMA_INVALID),
                            org.assertj.core.groups.Tuple.tuple("NL", RecipientState.PENDING, null));
            assertThat(store.pending()).extracting(MessageStatus::messageId).containsExactly(id);
        }
    }

    @Test
    void a_repeated_receipt_changes_nothing_and_writes_nothing() throws IOException {
        Path file = dir.resolve("status.jsonl");
        UUID id = UUID.randomUUID();
        try (DeliveryStatusStore store = DeliveryStatusStore.open(file)) {
            store.recordSent(id, MessageKind.DIFFUSION, "FR-2026-000001", List.of("DE"), T0);
            assertThat(store.recordReceipt(id, "DE", ReceiptOutcome.delivered(), T0)).isTrue();
            long size = Files.size(file);

            assertThat(store.recordReceipt(id, "DE", ReceiptOutcome.delivered(), T0.plusSeconds(5))).isFalse();
            assertThat(store.recordReceipt(id, "DE", ReceiptOutcome.rejected(ReasonCode.EXPIRED, "late"), T0)).isFalse();
            assertThat(Files.size(file)).isEqualTo(size);
            assertThat(store.find(id).orElseThrow().recipients().get(0).state()).isEqualTo(RecipientState.DELIVERED);
            assertThat(store.pending()).isEmpty();
        }
    }

    @Test
    void ignores_receipts_from_nodes_that_were_not_recipients_or_for_unknown_messages() throws IOException {
        try (DeliveryStatusStore store = DeliveryStatusStore.open(dir.resolve("status.jsonl"))) {
            UUID id = UUID.randomUUID();
            store.recordSent(id, MessageKind.HIT, "FR-2026-000009", List.of("DE"), T0);

            assertThat(store.recordReceipt(id, "BE", ReceiptOutcome.delivered(), T0)).isFalse();
            assertThat(store.recordReceipt(UUID.randomUUID(), "DE", ReceiptOutcome.delivered(), T0)).isFalse();
            assertThat(store.find(id).orElseThrow().pending()).isTrue();
        }
    }

    @Test
    void a_torn_last_line_is_ignored_and_a_snapshot_reads_while_the_writer_is_open() throws IOException {
        Path file = dir.resolve("status.jsonl");
        UUID id = UUID.randomUUID();
        try (DeliveryStatusStore store = DeliveryStatusStore.open(file)) {
            store.recordSent(id, MessageKind.DIFFUSION, "FR-2026-000001", List.of("DE"), T0);
            Files.writeString(file, "{\"event\":\"receipt\",\"messageId\":\"" + id, StandardOpenOption.APPEND);

            assertThat(DeliveryStatusStore.snapshot(file)).singleElement()
                    .satisfies(s -> assertThat(s.pending()).isTrue());
        }
    }
}
