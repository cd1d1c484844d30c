package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExpiringIdTableTest {

    @Test
    void holds_thousands_of_ids_and_drops_exactly_those_kept_until_a_second_or_before() throws IOException {
        ExpiringIdTable table = new ExpiringIdTable();
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
        Map<UUID, Long> left = new HashMap<>();
        table.forEach(left::put);
        assertThat(left).isEqualTo(expected);
        assertThat(table.size()).isEqualTo(5_000);
        assertThat(table.contains(new UUID(0, 42))).isFalse();
        assertThat(table.contains(new UUID(99, 42))).isTrue();
        assertThat(table.contains(new UUID(99, 43))).isFalse();
    }

    @Test
    void adding_an_id_again_keeps_the_later_until() {
        ExpiringIdTable table = new ExpiringIdTable();
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
