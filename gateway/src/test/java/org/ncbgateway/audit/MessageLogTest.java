package org.ncbgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class MessageLogTest {

    @TempDir
    Path dir;

    private static LogEvent received(String id) {
        return LogEvent.of(EntryType.RECEIVED, id, "diffusion", "HUB-EUROPE", ("wire-" + id).getBytes(StandardCharsets.UTF_8));
    }

    static List<LogEntry> readAll(Path dir) throws IOException {
        List<LogEntry> entries = new ArrayList<>();
        LogReader.read(dir, entries::add);
        return entries;
    }

    @Test
    void append_returns_consecutive_seqs_and_reads_back_every_field() throws IOException {
        try (MessageLog log = MessageLog.open(dir, "FR")) {
            assertThat(log.append(received("m-1"))).isEqualTo(1);
            assertThat(log.append(LogEvent.rejected("m-2", "hit", "DE", "EXPIRED", "expired at 2026-01-01T00:00:00Z",
                    new byte[] {1, 2, 3}))).isEqualTo(2);
            assertThat(log.head().seq()).isEqualTo(2);
        }
        List<LogEntry> entries = readAll(dir);
        assertThat(entries).extracting(LogEntry::seq).containsExactly(1L, 2L);
        LogEntry rejected = entries.get(1);
        assertThat(rejected.meta().type()).isEqualTo(EntryType.REJECTED);
        assertThat(rejected.meta().node()).isEqualTo("FR");
        assertThat(rejected.meta().messageId()).isEqualTo("m-2");
        assertThat(rejected.meta().kind()).isEqualTo("hit");
        assertThat(rejected.meta().peer()).isEqualTo("DE");
        assertThat(rejected.meta().reasonCode()).isEqualTo("EXPIRED");
        assertThat(rejected.data()).containsExactly(1, 2, 3);
        assertThat(rejected.prevHash()).isEqualTo(entries.get(0).hash());
        assertThat(entries.get(0).prevHash()).isEqualTo(new byte[32]);
    }

    @Test
    void an_append_that_returned_leaves_every_earlier_append_on_disk() throws IOException {
        try (MessageLog log = MessageLog.open(dir, "FR")) {
            List<CompletableFuture<Long>> earlier = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                earlier.add(log.appendAsync(received("m-" + i)));
            }

            long last = log.append(received("m-last"));

            assertThat(earlier).allMatch(CompletableFuture::isDone);
            assertThat(earlier.stream().map(log::await).toList()).isSorted().allMatch(seq -> seq < last);
            assertThat(log.head().seq()).isEqualTo(last);
        }
    }

    @Test
    void a_lazy_entry_costs_no_force_of_its_own_the_next_waited_append_forces_it() throws Exception {
        try (MessageLog log = MessageLog.open(dir, "FR", MessageLog.DEFAULT_SEGMENT_BYTES, Duration.ofMinutes(1))) {
            CompletableFuture<Long> lazy = log.appendLazily(received("m-1"));
            await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !lazy.isDone());
            assertThat(log.forces()).isZero();
            assertThat(log.head().seq()).isZero();

            long waited = log.append(received("m-2"));

            assertThat(lazy).isCompletedWithValue(1L);
            assertThat(waited).isEqualTo(2);
            assertThat(log.forces()).isEqualTo(1);
            assertThat(log.head().seq()).isEqualTo(2);
        }
        assertThat(readAll(dir)).extracting(entry -> entry.meta().messageId()).containsExactly("m-1", "m-2");
    }

    @Test
    void a_lazy_entry_alone_is_forced_within_the_delay() throws Exception {
        try (MessageLog log = MessageLog.open(dir, "FR", MessageLog.DEFAULT_SEGMENT_BYTES, Duration.ofMillis(50))) {
            CompletableFuture<Long> lazy = log.appendLazily(received("m-1"));

            assertThat(lazy.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(log.forces()).isEqualTo(1);
            assertThat(log.head().seq()).isEqualTo(1);
        }
    }

    @Test
    void closing_forces_a_lazy_entry_nobody_followed() throws Exception {
        CompletableFuture<Long> lazy;
        try (MessageLog log = MessageLog.open(dir, "FR", MessageLog.DEFAULT_SEGMENT_BYTES, Duration.ofMinutes(1))) {
            lazy = log.appendLazily(received("m-1"));
        }
        assertThat(lazy).isCompletedWithValue(1L);
        assertThat(readAll(dir)).extracting(entry -> entry.meta().messageId()).containsExactly("m-1");
    }

    @Test
    void concurrent_appends_get_unique_seqs_in_one_unbroken_chain() throws Exception {
        Set<Long> seqs = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (MessageLog log = MessageLog.open(dir, "FR")) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        seqs.add(log.append(received(thread + "-" + i)));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(seqs).hasSize(100);
        assertThat(readAll(dir)).hasSize(100);
    }

    @Test
    void reopening_continues_the_chain_across_small_segments() throws IOException {
        try (MessageLog log = MessageLog.open(dir, "FR", 200)) {
            for (int i = 0; i < 5; i++) {
                log.append(received("a" + i));
            }
        }
        try (MessageLog log = MessageLog.open(dir, "FR", 200)) {
            assertThat(log.head().seq()).isEqualTo(5);
            assertThat(log.append(received("b"))).isEqualTo(6);
        }
        assertThat(Segments.list(dir)).hasSizeGreaterThan(1);
        assertThat(readAll(dir)).extracting(LogEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void torn_tail_is_truncated_reported_and_recorded_on_open() throws IOException {
        try (MessageLog log = MessageLog.open(dir, "FR")) {
            log.append(received("m-1"));
            log.append(received("m-2"));
        }
        Path segment = Segments.list(dir).get(0);
        long complete = Files.size(segment);
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.setLength(complete - 7);
        }
        try (MessageLog log = MessageLog.open(dir, "FR")) {
            assertThat(log.tornTail()).hasValueSatisfying(t -> {
                assertThat(t.lastGoodSeq()).isEqualTo(1);
                assertThat(t.reason()).contains("left in the file");
            });
            assertThat(log.head().seq()).isEqualTo(2);
        }
        List<LogEntry> entries = readAll(dir);
        assertThat(entries).extracting(e -> e.meta().type()).containsExactly(EntryType.RECEIVED, EntryType.RECOVERED);
        assertThat(entries.get(1).meta().reasonDetail()).contains("torn tail after seq 1");
    }

    @Test
    void refuses_to_open_a_log_altered_before_its_tail() throws IOException {
        try (MessageLog log = MessageLog.open(dir, "FR")) {
            log.append(received("m-1"));
            log.append(received("m-2"));
        }
        Path segment = Segments.list(dir).get(0);
        byte[] bytes = Files.readAllBytes(segment);
        int at = indexOf(bytes, "wire-m-1".getBytes(StandardCharsets.UTF_8));
        bytes[at] = 'W';
        Files.write(segment, bytes);
        assertThatThrownBy(() -> MessageLog.open(dir, "FR"))
                .isInstanceOf(LogCorruptedException.class)
                .hasMessageContaining(segment.getFileName() + "@8")
                .hasMessageContaining("entry hash does not match");
    }

    @Test
    void refuses_appends_after_close() throws IOException {
        MessageLog log = MessageLog.open(dir, "FR");
        log.close();
        assertThatThrownBy(() -> log.append(received("late"))).hasMessageContaining("closed");
    }

    @Test
    @Timeout(20) // before, the append waited forever
    void a_writer_that_dies_fails_what_waits_on_it_and_every_later_append_instead_of_leaving_them_waiting()
            throws IOException {
        MessageLog log = MessageLog.open(dir, "FR");
        log.append(received("before"));

        assertThatThrownBy(() -> log.appendContent(head -> {
            throw new AssertionError("entry content broken");
        })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("could not write")
                .cause().hasMessageContaining("writer of the message log failed").hasMessageContaining("entry content broken");
        assertThatThrownBy(() -> log.append(received("after"))).hasMessageContaining("failed earlier");
        assertThatThrownBy(log::close).hasMessageContaining("writer of the message log failed");
        assertThat(readAll(dir)).extracting(entry -> entry.meta().messageId()).containsExactly("before");
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        return indexOf(haystack, needle, 0);
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
