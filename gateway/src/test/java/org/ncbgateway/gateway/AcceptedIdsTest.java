package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.testing.SettableClock;

class AcceptedIdsTest {

    private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");
    private static final Duration SETBACK = AcceptedIds.CLOCK_SETBACK;

    @TempDir
    Path dir;

    @Test
    void remembers_accepted_ids_across_reopening() throws IOException {
        Path file = dir.resolve("accepted-ids");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        try (AcceptedIds ids = AcceptedIds.open(file)) {
            assertThat(ids.markAccepted(first)).isTrue();
            assertThat(ids.markAccepted(second, Instant.now().plus(Duration.ofDays(7)))).isTrue();
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
        try (AcceptedIds ids = AcceptedIds.open(file, fixed(T0))) {
            ids.markAccepted(id, T0.plusSeconds(60));
            assertThat(ids.markAccepted(id, T0.plusSeconds(60))).isFalse();
        }
        assertThat(Files.readAllLines(file)).containsExactly(id + " " + T0.plusSeconds(60).plus(SETBACK));
    }

    @Test
    void keeps_an_id_until_its_expiry_and_the_clock_setback_have_passed_then_forgets_it_on_opening()
            throws IOException {
        Path file = dir.resolve("accepted-ids");
        UUID id = UUID.randomUUID();
        Instant expiresAt = T0.plus(Duration.ofMinutes(10)).plusMillis(1);
        try (AcceptedIds ids = AcceptedIds.open(file, fixed(T0))) {
            ids.markAccepted(id, expiresAt);
        }

        // the expiry was rounded up to the next second, never down
        try (AcceptedIds ids = AcceptedIds.open(file, fixed(expiresAt.plus(SETBACK).plusMillis(998)))) {
            assertThat(ids.acceptedBefore(id)).isTrue();
        }
        try (AcceptedIds ids = AcceptedIds.open(file, fixed(expiresAt.plus(SETBACK).plusSeconds(1)))) {
            assertThat(ids.acceptedBefore(id)).isFalse();
            assertThat(ids.size()).isZero();
        }
    }

    @Test
    void forgets_expired_ids_while_it_runs_and_compacts_the_file_to_the_ids_still_needed() throws IOException {
        Path file = dir.resolve("accepted-ids");
        SettableClock clock = new SettableClock(T0);
        List<UUID> shortLived = ids(60);
        List<UUID> longLived = ids(20);
        List<UUID> late = ids(80);
        try (AcceptedIds ids = AcceptedIds.open(file, clock, 50)) {
            markThenOutlive(ids, clock, shortLived, longLived);
            late.forEach(id -> ids.markAccepted(id, clock.instant().plus(Duration.ofDays(7))));

            assertThat(shortLived).noneMatch(ids::acceptedBefore);
            assertThat(longLived).allMatch(ids::acceptedBefore);
            assertThat(late).allMatch(ids::acceptedBefore);
            assertThat(ids.size()).isEqualTo(100);
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSizeLessThan(160).hasSizeGreaterThanOrEqualTo(100)
                .noneMatch(line -> shortLived.stream().anyMatch(id -> line.startsWith(id.toString())));
        assertThat(file.resolveSibling("accepted-ids.compacting")).doesNotExist();

        try (AcceptedIds ids = AcceptedIds.open(file, clock)) {
            assertThat(longLived).allMatch(ids::acceptedBefore);
            assertThat(late).allMatch(ids::acceptedBefore);
            assertThat(ids.size()).isEqualTo(100);
        }
    }

    @Test
    void a_compaction_lets_others_mark_and_look_up_ids_while_it_writes_and_keeps_what_they_marked() throws Exception {
        Path file = dir.resolve("accepted-ids");
        SettableClock clock = new SettableClock(T0);
        Generations marked = Generations.of(60, 20, 80);
        List<UUID> shortLived = marked.shortLived();
        List<UUID> longLived = marked.longLived();
        List<UUID> late = marked.late();
        UUID meanwhile = UUID.randomUUID();
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        ExecutorService marker = Executors.newSingleThreadExecutor();
        try (AcceptedIds ids = AcceptedIds.open(file, clock, 50)) {
            markThenOutlive(ids, clock, shortLived, longLived);
            ids.betweenCompactionReads(() -> {
                paused.countDown();
                await(proceed);
            });
            Future<?> marking = marker.submit(() -> late.forEach(id -> ids.markAccepted(id,
                    clock.instant().plus(Duration.ofDays(7)))));
            assertThat(paused.await(20, TimeUnit.SECONDS)).as("a compaction started").isTrue();

            // the compaction is between two reads of the table: the lock is free
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                assertThat(ids.markAccepted(meanwhile, clock.instant().plus(Duration.ofDays(7)))).isTrue();
                assertThat(ids.acceptedBefore(longLived.get(0))).isTrue();
            });
            proceed.countDown();
            marking.get(20, TimeUnit.SECONDS);
        } finally {
            proceed.countDown();
            marker.shutdownNow();
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).anyMatch(line -> line.startsWith(meanwhile.toString()))
                .noneMatch(line -> shortLived.stream().anyMatch(id -> line.startsWith(id.toString())));
        try (AcceptedIds ids = AcceptedIds.open(file, clock)) {
            assertThat(ids.acceptedBefore(meanwhile)).isTrue();
            assertThat(longLived).allMatch(ids::acceptedBefore);
            assertThat(late).allMatch(ids::acceptedBefore);
            assertThat(ids.size()).isEqualTo(101);
        }
    }

    /** Ids marked to be kept 5 minutes, 7 days, and 7 days once the first ones expired. */
    private record Generations(List<UUID> shortLived, List<UUID> longLived, List<UUID> late) {
        static Generations of(int shortLived, int longLived, int late) {
            return new Generations(ids(shortLived), ids(longLived), ids(late));
        }
    }

    /** Marks ids kept 5 minutes and ids kept 7 days, then moves the clock past the first ones. */
    private static void markThenOutlive(AcceptedIds ids, SettableClock clock, List<UUID> shortLived,
                                        List<UUID> longLived) {
        shortLived.forEach(id -> ids.markAccepted(id, T0.plus(Duration.ofMinutes(5))));
        longLived.forEach(id -> ids.markAccepted(id, T0.plus(Duration.ofDays(7))));
        clock.advance(Duration.ofMinutes(5).plus(SETBACK).plusSeconds(1));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void opening_compacts_a_file_mostly_of_expired_ids_and_keeps_appending_to_the_new_one() throws IOException {
        Path file = dir.resolve("accepted-ids");
        List<UUID> expired = ids(90);
        List<UUID> kept = ids(10);
        try (AcceptedIds ids = AcceptedIds.open(file, fixed(T0), 20)) {
            expired.forEach(id -> ids.markAccepted(id, T0.plusSeconds(1)));
            kept.forEach(id -> ids.markAccepted(id, T0.plus(Duration.ofDays(1))));
        }

        Clock later = fixed(T0.plus(SETBACK).plusSeconds(2));
        UUID next = UUID.randomUUID();
        try (AcceptedIds ids = AcceptedIds.open(file, later, 20)) {
            assertThat(Files.readAllLines(file)).hasSize(10);
            ids.markAccepted(next, T0.plus(Duration.ofDays(1)));
        }
        try (AcceptedIds ids = AcceptedIds.open(file, later, 20)) {
            assertThat(kept).allMatch(ids::acceptedBefore);
            assertThat(ids.acceptedBefore(next)).isTrue();
            assertThat(expired).noneMatch(ids::acceptedBefore);
        }
    }

    @Test
    void consumers_marking_at_once_while_the_file_is_compacted_lose_no_id_still_needed() throws Exception {
        Path file = dir.resolve("accepted-ids");
        SettableClock clock = new SettableClock(T0);
        int threads = 4;
        int each = 150;
        List<List<UUID>> kept = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (AcceptedIds ids = AcceptedIds.open(file, clock, 20)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<UUID> mine = ids(each);
                kept.add(mine);
                done.add(pool.submit(() -> {
                    for (UUID id : mine) {
                        // one id in three expires at once and is forgotten by the next sweep
                        ids.markAccepted(UUID.randomUUID(), clock.instant().minus(SETBACK));
                        ids.markAccepted(id, T0.plus(Duration.ofDays(1)));
                        clock.advance(Duration.ofSeconds(1));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
            assertThat(kept).allSatisfy(mine -> assertThat(mine).allMatch(ids::acceptedBefore));
        } finally {
            pool.shutdownNow();
        }
        assertThat(Files.readAllLines(file)).hasSizeLessThan(2 * threads * each);
        try (AcceptedIds ids = AcceptedIds.open(file, clock)) {
            assertThat(kept).allSatisfy(mine -> assertThat(mine).allMatch(ids::acceptedBefore));
            assertThat(ids.size()).isEqualTo(threads * each);
        }
    }

    @Test
    void a_compaction_that_cannot_write_its_file_leaves_the_old_one_appended_to_and_tries_again_later()
            throws IOException {
        Path file = dir.resolve("accepted-ids");
        List<UUID> kept = ids(10);
        try (AcceptedIds ids = AcceptedIds.open(file, fixed(T0), 20)) {
            Path blocked = Files.createDirectories(file.resolveSibling("accepted-ids.compacting").resolve("x"));
            // each batch of 20 appends: 5 ids kept, 15 whose expiry and setback are over, forgotten by the sweep
            markBatch(ids, kept.subList(0, 5));
            assertThat(Files.readAllLines(file)).hasSize(20);

            Files.delete(blocked);
            Files.delete(blocked.getParent());
            markBatch(ids, kept.subList(5, 10));
            assertThat(Files.readAllLines(file)).hasSize(10);
            assertThat(kept).allMatch(ids::acceptedBefore);
        }
        try (AcceptedIds ids = AcceptedIds.open(file, fixed(T0))) {
            assertThat(kept).allMatch(ids::acceptedBefore);
            assertThat(ids.size()).isEqualTo(10);
        }
    }

    private static void markBatch(AcceptedIds ids, List<UUID> kept) {
        kept.forEach(id -> ids.markAccepted(id, T0.plus(Duration.ofDays(1))));
        ids(15).forEach(id -> ids.markAccepted(id, T0.minus(SETBACK)));
    }

    @Test
    void a_compaction_cut_short_by_a_crash_before_its_rename_loses_no_id() throws IOException {
        Path file = dir.resolve("accepted-ids");
        List<UUID> accepted = ids(30);
        try (AcceptedIds ids = AcceptedIds.open(file, fixed(T0))) {
            accepted.forEach(id -> ids.markAccepted(id, T0.plus(Duration.ofDays(1))));
        }
        // the crash left the sibling half written, holding only some of the ids
        Path compacting = file.resolveSibling("accepted-ids.compacting");
        Files.writeString(compacting, accepted.get(0) + " 2026-11-30T09:00:00Z\n" + accepted.get(1),
                StandardCharsets.US_ASCII);

        try (AcceptedIds ids = AcceptedIds.open(file, fixed(T0))) {
            assertThat(accepted).allMatch(ids::acceptedBefore);
        }
        assertThat(compacting).doesNotExist();
    }

    @Test
    void discards_a_line_torn_by_a_crash_and_appends_after_the_last_whole_one() throws IOException {
        Path file = dir.resolve("accepted-ids");
        UUID kept = UUID.randomUUID();
        UUID torn = UUID.randomUUID();
        Files.writeString(file, kept + " 2026-11-30T09:00:00Z\n" + torn + " 2026-11-3", StandardCharsets.US_ASCII);

        UUID next = UUID.randomUUID();
        try (AcceptedIds ids = AcceptedIds.open(file, fixed(T0))) {
            assertThat(ids.acceptedBefore(kept)).isTrue();
            assertThat(ids.acceptedBefore(torn)).isFalse();
            ids.markAccepted(next, Instant.parse("2026-11-30T08:00:00Z"));
        }
        assertThat(Files.readAllLines(file)).containsExactly(kept + " 2026-11-30T09:00:00Z",
                next + " 2026-11-30T09:00:00Z");
    }

    @Test
    void reads_a_file_of_many_blocks_keeps_its_ids_in_a_scratch_index_and_discards_a_torn_last_line()
            throws IOException {
        Path file = dir.resolve("accepted-ids");
        List<UUID> accepted = ids(5_000);
        StringBuilder lines = new StringBuilder();
        accepted.forEach(id -> lines.append(id).append(" 2026-11-30T09:00:00Z\n"));
        // about 300 KB: lines cross the reader's 64 KB blocks
        Files.writeString(file, lines + UUID.randomUUID().toString().substring(0, 20), StandardCharsets.US_ASCII);
        // what a crash left of the index of an earlier run: never trusted, made anew
        Path index = dir.resolve("accepted-ids.index");
        Files.writeString(index, "left by a crash");

        try (AcceptedIds ids = AcceptedIds.open(file, fixed(T0))) {
            assertThat(ids.size()).isEqualTo(5_000);
            assertThat(accepted).allMatch(ids::acceptedBefore);
            assertThat(Files.size(index)).isGreaterThanOrEqualTo(5_000L * 24);
        }
        assertThat(Files.size(file)).isEqualTo(lines.length());
        assertThat(index).doesNotExist();
    }

    @Test
    void keeps_for_ever_an_id_written_without_its_expiry() throws IOException {
        Path file = dir.resolve("accepted-ids");
        UUID id = UUID.randomUUID();
        Files.writeString(file, id + "\n", StandardCharsets.US_ASCII);

        try (AcceptedIds ids = AcceptedIds.open(file, fixed(Instant.parse("9000-01-01T00:00:00Z")))) {
            assertThat(ids.acceptedBefore(id)).isTrue();
        }
    }

    @Test
    void refuses_a_file_that_is_not_a_list_of_ids() throws IOException {
        Path file = dir.resolve("accepted-ids");
        Files.writeString(file, "x".repeat(36) + "\n", StandardOpenOption.CREATE);

        assertThatThrownBy(() -> AcceptedIds.open(file))
                .isInstanceOf(IOException.class).hasMessageContaining("line 1 is not a message id");
    }

    @Test
    void refuses_a_line_whose_expiry_is_not_an_instant() throws IOException {
        Path file = dir.resolve("accepted-ids");
        Files.writeString(file, UUID.randomUUID() + " 2026-11-30T09:00:00Z\n" + UUID.randomUUID() + " tomorrow\n");

        assertThatThrownBy(() -> AcceptedIds.open(file))
                .isInstanceOf(IOException.class).hasMessageContaining("line 2 has no expiry instant");
    }

    private static Clock fixed(Instant now) {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    private static List<UUID> ids(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }
}
