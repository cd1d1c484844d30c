package org.ncbgateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    private final List<String> computed = new ArrayList<>();
    private final BoundedCache<String, String> cache = new BoundedCache<>(2);

    private String make(String key) {
        computed.add(key);
        return key.toUpperCase();
    }

    @Test
    void computes_a_value_once_and_then_serves_it() {
        assertThat(cache.get("a", this::make)).isEqualTo("A");
        assertThat(cache.get("a", this::make)).isEqualTo("A");

        assertThat(computed).containsExactly("a");
    }

    @Test
    void holds_no_more_than_its_capacity_and_drops_the_least_recently_used() {
        cache.get("a", this::make);
        cache.get("b", this::make);
        cache.get("a", this::make);
        cache.get("c", this::make);

        assertThat(cache.size()).isEqualTo(2);
        cache.get("a", this::make);
        cache.get("b", this::make);
        assertThat(computed).containsExactly("a", "b", "c", "b");
    }

    @Test
    void keeps_nothing_when_the_computation_fails() {
        assertThatThrownBy(() -> cache.get("a", key -> {
            throw new IllegalArgumentException("unusable " + key);
        })).hasMessage("unusable a");

        assertThat(cache.size()).isZero();
    }

    @Test
    void refuses_a_capacity_below_one() {
        assertThatThrownBy(() -> new BoundedCache<String, String>(0)).hasMessageContaining("at least 1");
    }
}
