package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.ReasonCode;
import org.ncbgateway.testing.SettableClock;

class DeliveryStatusStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-29T04:00:00Z");
    private static final Instant EXPIRES = T0.plus(Duration.ofDays(7));
    private static final Clock AT_T0 = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void follows_each_recipient_from_pending_to_its_receipt_and_survives_reopening() throws IOException {
        Path file = dir.resolve("status.jsonl");
        UUID id = UUID.randomUUID();
        try (DeliveryStatusStore store = DeliveryStatusStore.open(file, AT_T0)) {
            store.recordSent(id, MessageKind.DIFFUSION, "FR-2026-000001", List.of("DE", "BE", "NL"), T0, EXPIRES);
            store.recordReceipt(id, "DE", ReceiptOutcome.delivered(), T0.plusSeconds(1));
            store.recordReceipt(id, "BE", ReceiptOutcome.rejected(ReasonCode.SCHEMA_INVALID, "/subjects: required"),
                    T0.plusSeconds(2));
        }

        try (DeliveryStatusStore store = DeliveryStatusStore.open(file, AT_T0)) {
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
        try (DeliveryStatusStore store = DeliveryStatusStore.open(file, AT_T0)) {
            store.recordSent(id, MessageKind.DIFFUSION, "FR-2026-000001", List.of("DE"), T0, EXPIRES);
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
        try (DeliveryStatusStore store = DeliveryStatusStore.open(dir.resolve("status.jsonl"), AT_T0)) {
            UUID id = UUID.randomUUID();
            store.recordSent(id, MessageKind.HIT, "FR-2026-000009", List.of("DE"), T0, EXPIRES);

            assertThat(store.recordReceipt(id, "BE", ReceiptOutcome.delivered(), T0)).isFalse();
            assertThat(store.recordReceipt(UUID.randomUUID(), "DE", ReceiptOutcome.delivered(), T0)).isFalse();
            assertThat(store.find(id).orElseThrow().pending()).isTrue();
        }
    }

    @Test
    void a_torn_last_line_is_ignored_and_a_snapshot_reads_while_the_writer_is_open() throws IOException {
        Path file = dir.resolve("status.jsonl");
        UUID id = UUID.randomUUID();
        try (DeliveryStatusStore store = DeliveryStatusStore.open(file, AT_T0)) {
            store.recordSent(id, MessageKind.DIFFUSION, "FR-2026-000001", List.of("DE"), T0, EXPIRES);
            Files.writeString(file, "{\"event\":\"receipt\",\"messageId\":\"" + id, StandardOpenOption.APPEND);

            assertThat(DeliveryStatusStore.read(file, id)).hasValueSatisfying(s -> assertThat(s.pending()).isTrue());
            assertThat(DeliveryStatusStore.pending(file, T0)).extracting(MessageStatus::messageId).containsExactly(id);
        }
    }

    @Test
    void a_line_torn_by_a_crash_is_cut_off_at_opening_so_the_next_record_starts_its_own_line() throws IOException {
        Path file = dir.resolve("status.jsonl");
        UUID id = UUID.randomUUID();
        try (DeliveryStatusStore store = DeliveryStatusStore.open(file, AT_T0)) {
            store.recordSent(id, MessageKind.DIFFUSION, "FR-2026-000001", List.of("DE", "BE"), T0, EXPIRES);
        }
        Files.writeString(file, "{\"event\":\"receipt\",\"messageId\":\"" + id, StandardOpenOption.APPEND);

        try (DeliveryStatusStore store = DeliveryStatusStore.open(file, AT_T0)) {
            store.recordReceipt(id, "DE", ReceiptOutcome.delivered(), T0.plusSeconds(1));
        }
        try (DeliveryStatusStore store = DeliveryStatusStore.open(file, AT_T0)) {
            assertThat(store.find(id).orElseThrow().count(RecipientState.DELIVERED)).isEqualTo(1);
        }
    }

    @Test
    void a_finished_status_leaves_memory_and_is_still_found_in_the_journal() throws IOException {
        Path file = dir.resolve("status.jsonl");
        List<UUID> ids = new ArrayList<>();
        try (DeliveryStatusStore store = DeliveryStatusStore.open(file, AT_T0, DeliveryStatusStore.ROTATE_BYTES, 2)) {
            for (int i = 0; i < 5; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                store.recordSent(id, MessageKind.DIFFUSION, "FR-2026-00000" + i, List.of("DE", "BE"), T0, EXPIRES);
                store.recordReceipt(id, "DE", ReceiptOutcome.delivered(), T0.plusSeconds(i));
            }
            assertThat(store.inMemory()).isEqualTo(5);
            for (UUID id : ids) {
                store.recordReceipt(id, "BE", ReceiptOutcome.rejected(ReasonCode.SCHEMA_INVALID, "/subjects"), T0);
            }

            // two finished statuses stay in memory, the others are read from the file
            assertThat(store.inMemory()).isEqualTo(2);
            assertThat(store.pending()).isEmpty();
            MessageStatus first = store.find(ids.get(0)).orElseThrow();
            assertThat(first.recipients()).extracting(RecipientStatus::recipient, RecipientStatus::state)
                    .containsExactly(tuple("DE", RecipientState.DELIVERED), tuple("BE", RecipientState.REJECTED));
            assertThat(store.recordReceipt(ids.get(0), "BE", ReceiptOutcome.delivered(), T0)).isFalse();
            // a second send of a finished message records nothing
            long size = Files.size(file);
            store.recordSent(ids.get(0), MessageKind.DIFFUSION, "FR-2026-000000", List.of("DE", "BE"), T0, EXPIRES);
            assertThat(Files.size(file)).isEqualTo(size);
        }
        try (DeliveryStatusStore store = DeliveryStatusStore.open(file, AT_T0, DeliveryStatusStore.ROTATE_BYTES, 2)) {
            assertThat(store.inMemory()).isZero();
            assertThat(store.find(ids.get(4))).hasValueSatisfying(s -> assertThat(s.pending()).isFalse());
        }
    }

    @Test
    void a_message_unanswered_a_day_after_its_expiry_leaves_memory_but_not_the_record() throws IOException {
        Path file = dir.resolve("status.jsonl");
        SettableClock clock = new SettableClock(T0);
        UUID unanswered = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        try (DeliveryStatusStore store = DeliveryStatusStore.open(file, clock)) {
            Instant expiresAt = T0.plus(Duration.ofMinutes(10));
            store.recordSent(unanswered, MessageKind.HIT, "FR-2026-000001", List.of("DE"), T0, expiresAt);
            store.recordSent(late, MessageKind.HIT, "FR-2026-000002", List.of("DE"), T0, expiresAt);
            clock.advance(Duration.ofDays(1).plusMinutes(9));
            assertThat(store.recordReceipt(late, "DE", ReceiptOutcome.rejected(ReasonCode.EXPIRED, "late"),
                    clock.instant())).isTrue();
            clock.advance(Duration.ofMinutes(1));

            assertThat(store.pending()).isEmpty();
            assertThat(store.recordReceipt(unanswered, "DE", ReceiptOutcome.delivered(), clock.instant())).isFalse();
        }
        assertThat(DeliveryStatusStore.read(file, unanswered)).hasValueSatisfying(s -> assertThat(s.pending()).isTrue());
        assertThat(DeliveryStatusStore.read(file, late).orElseThrow().count(RecipientState.REJECTED)).isEqualTo(1);
        try (DeliveryStatusStore store = DeliveryStatusStore.open(file, clock)) {
            assertThat(store.inMemory()).isZero();
            assertThat(DeliveryStatusStore.pending(file, clock.instant())).isEmpty();
            assertThat(DeliveryStatusStore.pending(file, T0)).hasSize(1);
        }
    }

    @Test
    void rotates_the_journal_keeping_the_awaited_messages_in_the_new_file_and_every_status_readable()
            throws IOException {
        Path file = dir.resolve("status.jsonl");
        List<UUID> answered = new ArrayList<>();
        UUID awaited = UUID.randomUUID();
        try (DeliveryStatusStore store = DeliveryStatusStore.open(file, AT_T0, 2_000, 1)) {
            store.recordSent(awaited, MessageKind.DIFFUSION, "FR-2026-000000", List.of("DE", "BE"), T0, EXPIRES);
            store.recordReceipt(awaited, "DE", ReceiptOutcome.delivered(), T0);
            for (int i = 0; i < 40; i++) {
                UUID id = UUID.randomUUID();
                answered.add(id);
                store.recordSent(id, MessageKind.HIT, "FR-2026-1" + i, List.of("DE"), T0, EXPIRES);
                store.recordReceipt(id, "DE", ReceiptOutcome.delivered(), T0.plusSeconds(i));
            }
            assertThat(store.find(answered.get(0))).hasValueSatisfying(s -> assertThat(s.pending()).isFalse());
        }
        assertThat(Files.size(file)).isLessThan(2_000 + 600);
        assertThat(dir.resolve("status.jsonl.1")).exists();
        assertThat(dir.resolve("status.jsonl.4")).exists();

        try (DeliveryStatusStore store = DeliveryStatusStore.open(file, AT_T0, 2_000, 1)) {
            assertThat(store.pending()).extracting(MessageStatus::messageId).containsExactly(awaited);
            assertThat(store.pending().get(0).count(RecipientState.DELIVERED)).isEqualTo(1);
            assertThat(store.recordReceipt(awaited, "BE", ReceiptOutcome.delivered(), T0)).isTrue();
        }
        assertThat(DeliveryStatusStore.read(file, awaited).orElseThrow().count(RecipientState.DELIVERED)).isEqualTo(2);
        for (UUID id : answered) {
            assertThat(DeliveryStatusStore.read(file, id)).hasValueSatisfying(s -> assertThat(s.pending()).isFalse());
        }
    }

    @Test
    void senders_and_receipts_at_once_across_rotations_lose_no_status_and_readers_miss_none() throws Exception {
        Path file = dir.resolve("status.jsonl");
        int threads = 4;
        int each = 40;
        List<UUID> halfAnswered = new ArrayList<>();
        List<UUID> answered = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try (DeliveryStatusStore store = DeliveryStatusStore.open(file, AT_T0, 3_000, 4)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        UUID id = UUID.randomUUID();
                        store.recordSent(id, MessageKind.DIFFUSION, "FR-2026-000001", List.of("DE", "BE"), T0, EXPIRES);
                        store.recordReceipt(id, "DE", ReceiptOutcome.delivered(), T0);
                        if (i % 2 == 0) {
                            store.recordReceipt(id, "BE", ReceiptOutcome.delivered(), T0);
                        }
                        synchronized (answered) {
                            (i % 2 == 0 ? answered : halfAnswered).add(id);
                        }
                    }
                    return null;
                }));
            }
            UUID first = UUID.randomUUID();
            store.recordSent(first, MessageKind.HIT, "FR-2026-000002", List.of("DE"), T0, EXPIRES);
            store.recordReceipt(first, "DE", ReceiptOutcome.delivered(), T0);
            Future<?> reader = pool.submit(() -> {
                for (int reads = 0; reads < 200 && done.stream().anyMatch(f -> !f.isDone()); reads++) {
                    assertThat(store.find(first)).hasValueSatisfying(s -> assertThat(s.pending()).isFalse());
                }
                return null;
            });
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
            reader.get(60, TimeUnit.SECONDS);
            assertThat(store.pending()).extracting(MessageStatus::messageId)
                    .containsExactlyInAnyOrderElementsOf(halfAnswered);
        } finally {
            pool.shutdownNow();
        }
        assertThat(dir.resolve("status.jsonl.3")).exists();
        try (DeliveryStatusStore store = DeliveryStatusStore.open(file, AT_T0, 3_000, 4)) {
            assertThat(store.pending()).extracting(MessageStatus::messageId)
                    .containsExactlyInAnyOrderElementsOf(halfAnswered);
        }
        for (UUID id : answered) {
            assertThat(DeliveryStatusStore.read(file, id).orElseThrow().count(RecipientState.DELIVERED)).isEqualTo(2);
        }
    }

    @Test
    void a_rotation_that_cannot_write_the_next_file_keeps_the_journal_and_tries_again_later() throws IOException {
        Path file = dir.resolve("status.jsonl");
        List<UUID> ids = new ArrayList<>();
        try (DeliveryStatusStore store = DeliveryStatusStore.open(file, AT_T0, 1_000, 1)) {
            Path blocked = Files.createDirectories(dir.resolve("status.jsonl.next").resolve("x"));
            for (int i = 0; i < 8; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                store.recordSent(id, MessageKind.HIT, "FR-2026-00000" + i, List.of("DE"), T0, EXPIRES);
            }
            assertThat(dir.resolve("status.jsonl.1")).doesNotExist();

            Files.delete(blocked);
            Files.delete(blocked.getParent());
            for (UUID id : ids) {
                store.recordReceipt(id, "DE", ReceiptOutcome.delivered(), T0);
            }
            assertThat(dir.resolve("status.jsonl.1")).exists();
        }
        for (UUID id : ids) {
            assertThat(DeliveryStatusStore.read(file, id).orElseThrow().pending()).isFalse();
        }
    }

    @Test
    void a_rotation_cut_short_by_a_crash_is_dropped_before_its_first_rename_and_finished_after() throws IOException {
        Path file = dir.resolve("status.jsonl");
        UUID id = UUID.randomUUID();
        try (DeliveryStatusStore store = DeliveryStatusStore.open(file, AT_T0)) {
            store.recordSent(id, MessageKind.HIT, "FR-2026-000001", List.of("DE"), T0, EXPIRES);
        }
        String awaitedLine = Files.readString(file);
        Path next = dir.resolve("status.jsonl.next");
        // before the first rename: a half-written next file beside the whole journal
        Files.writeString(next, awaitedLine.substring(0, 30));
        try (DeliveryStatusStore store = DeliveryStatusStore.open(file, AT_T0)) {
            assertThat(store.pending()).extracting(MessageStatus::messageId).containsExactly(id);
        }
        assertThat(next).doesNotExist();

        // between the renames: the journal is a segment, the forced next file waits for its name
        Files.move(file, dir.resolve("status.jsonl.1"));
        Files.writeString(next, awaitedLine);
        try (DeliveryStatusStore store = DeliveryStatusStore.open(file, AT_T0)) {
            assertThat(store.pending()).extracting(MessageStatus::messageId).containsExactly(id);
            store.recordReceipt(id, "DE", ReceiptOutcome.delivered(), T0);
        }
        assertThat(next).doesNotExist();
        assertThat(DeliveryStatusStore.read(file, id).orElseThrow().pending()).isFalse();
    }
}
