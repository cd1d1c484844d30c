package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpiringIdTableTest {

    @TempDir
    Path dir;

    @Test
    void holds_thousands_of_ids_and_drops_exactly_those_kept_until_a_second_or_before() throws IOException {
        try (ExpiringIdTable table = ExpiringIdTable.create(dir.resolve("ids"))) {
            Map<UUID, Long> expected = new HashMap<>();
            for (int i = 0; i < 10_000; i++) {
                // ids that differ in one bit only, and their until from 1 to 100
                UUID id = new UUID(i, 42);
                assertThat(table.add(id, 1 + i % 100)).isTrue();
                expected.put(id, 1L + i % 100);
            }
            assertThat(table.size()).isEqualTo(10_000);

            table.removeUntil(50);

            expected.values().removeIf(until -> until <= 50);
            assertThat(contents(table)).isEqualTo(expected);
            assertThat(table.size()).isEqualTo(5_000);
            assertThat(table.contains(new UUID(0, 42))).isFalse();
            assertThat(table.contains(new UUID(99, 42))).isTrue();
            assertThat(table.contains(new UUID(99, 43))).isFalse();
        }
    }

    @Test
    void adding_an_id_again_keeps_the_later_until() throws IOException {
        try (ExpiringIdTable table = ExpiringIdTable.create(dir.resolve("ids"))) {
            UUID id = UUID.randomUUID();
            table.add(id, 100);

            assertThat(table.add(id, 50)).isFalse();
            table.removeUntil(99);
            assertThat(table.contains(id)).isTrue();
            assertThat(table.add(id, 200)).isFalse();
            table.removeUntil(150);
            assertThat(table.contains(id)).isTrue();
            assertThat(table.size()).isEqualTo(1);
        }
    }

    /**
     * Removal in place moves the ids behind a removed one back along their run: a model map checks that every
     * id kept is still found and every id dropped is gone, over runs that wrap past the end of the slots.
     */
    @Test
    void every_id_kept_is_still_found_after_many_removals_in_place() throws IOException {
        Random random = new Random(7);
        Map<UUID, Long> model = new HashMap<>();
        List<UUID> dropped = new ArrayList<>();
        try (ExpiringIdTable table = ExpiringIdTable.create(dir.resolve("ids"))) {
            for (long second = 1; second <= 200; second++) {
                for (int i = 0; i < 300; i++) {
                    UUID id = new UUID(random.nextLong(), random.nextLong());
                    long until = second + 1 + random.nextInt(20);
                    table.add(id, until);
                    model.put(id, until);
                }
                table.removeUntil(second);
                long now = second;
                model.entrySet().removeIf(e -> {
                    if (e.getValue() <= now) {
                        dropped.add(e.getKey());
                        return true;
                    }
                    return false;
                });
                assertThat(table.size()).isEqualTo(model.size());
            }
            assertThat(contents(table)).isEqualTo(model);
            assertThat(model.keySet()).allMatch(table::contains);
            assertThat(dropped).hasSizeGreaterThan(50_000).noneMatch(table::contains);
        }
    }

    @Test
    void holds_its_ids_in_its_file_which_grows_with_them_and_is_deleted_at_close() throws IOException {
        Path file = dir.resolve("ids");
        try (ExpiringIdTable table = ExpiringIdTable.create(file)) {
            long empty = Files.size(file);
            for (int i = 0; i < 100_000; i++) {
                table.add(UUID.randomUUID(), 10);
            }
            // three quarters full at most: 24 bytes a slot, a third more slots than ids
            assertThat(Files.size(file)).isGreaterThan(empty).isGreaterThanOrEqualTo(100_000L * 24 * 4 / 3);
            assertThat(dir.resolve("ids.growing")).doesNotExist();
            table.removeUntil(10);
            assertThat(table.size()).isZero();
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void a_new_table_forgets_the_file_of_an_earlier_run() throws IOException {
        Path file = dir.resolve("ids");
        UUID id = UUID.randomUUID();
        ExpiringIdTable earlier = ExpiringIdTable.create(file);
        earlier.add(id, 100);
        // a crash: the earlier table is never closed, its file stays

        try (ExpiringIdTable table = ExpiringIdTable.create(file)) {
            assertThat(table.contains(id)).isFalse();
            assertThat(table.size()).isZero();
        }
    }

    private static Map<UUID, Long> contents(ExpiringIdTable table) throws IOException {
        Map<UUID, Long> left = new HashMap<>();
        table.forEach(left::put);
        return left;
    }
}
