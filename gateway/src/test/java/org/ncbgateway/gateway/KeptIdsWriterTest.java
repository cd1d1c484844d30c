package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeptIdsWriterTest {

    @TempDir
    Path dir;

    private final Object lock = new Object();

    private static byte[] line(UUID id, long until) {
        return (id + " " + until + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void writes_every_id_of_a_table_read_a_part_at_a_time_then_the_lines_appended_meanwhile() throws IOException {
        Set<String> expected = new HashSet<>();
        try (ExpiringIdTable table = ExpiringIdTable.create(dir.resolve("ids"))) {
            // 10,000 ids: 16,384 slots, four reads of the table
            for (int i = 0; i < 10_000; i++) {
                UUID id = UUID.randomUUID();
                table.add(id, 100 + i);
                expected.add(id + " " + (100 + i));
            }
            KeptIdsWriter writer = new KeptIdsWriter(lock, table, KeptIdsWriterTest::line);
            int[] reads = {0};
            writer.betweenReads(() -> reads[0]++);
            UUID later = UUID.randomUUID();
            writer.appended(line(later, 5));
            expected.add(later + " 5");

            Path file = dir.resolve("kept");
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                assertThat(writer.writeTable(channel)).isEqualTo(10_000);
                assertThat(writer.writeAppended(channel)).isEqualTo(1);
            }
            assertThat(reads[0]).isEqualTo(4);
            assertThat(Files.readAllLines(file)).hasSize(10_001).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void a_table_that_grows_between_two_reads_ends_the_rewrite() throws IOException {
        try (ExpiringIdTable table = ExpiringIdTable.create(dir.resolve("ids"))) {
            for (int i = 0; i < 4_000; i++) {
                table.add(UUID.randomUUID(), 100);
            }
            KeptIdsWriter writer = new KeptIdsWriter(lock, table, KeptIdsWriterTest::line);
            writer.betweenReads(() -> {
                for (int i = 0; i < 4_000; i++) {
                    addQuietly(table, UUID.randomUUID());
                }
            });

            try (FileChannel channel = FileChannel.open(dir.resolve("kept"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                assertThatThrownBy(() -> writer.writeTable(channel)).isInstanceOf(IOException.class)
                        .hasMessageContaining("grew");
            }
        }
    }

    private static void addQuietly(ExpiringIdTable table, UUID id) {
        try {
            table.add(id, 100);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
