package org.ncbgateway.crypto;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A least-recently-used map of at most {@code capacity} entries, for state derived once from a certificate
 * and reused for every message (a federation has a few hundred nodes; the bound keeps a hostile or
 * long-lived stream of certificates from growing memory). Values are computed outside the lock, so two
 * threads may both compute a missing value; the first stored wins. Thread-safe.
 */
final class BoundedCache<K, V> {

    private final int capacity;
    private final Map<K, V> entries;

    BoundedCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, is " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > BoundedCache.this.capacity;
            }
        };
    }

    /** The cached value for {@code key}, computed by {@code make} (which must not return null) if absent. */
    <E extends Exception> V get(K key, ThrowingFunction<K, V, E> make) throws E {
        Objects.requireNonNull(key, "key");
        synchronized (entries) {
            V cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        V made = Objects.requireNonNull(make.apply(key), "computed value");
        synchronized (entries) {
            V raced = entries.putIfAbsent(key, made);
            return raced != null ? raced : made;
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    int capacity() {
        return capacity;
    }

    /** A {@link Function} that may throw a checked exception. */
    @FunctionalInterface
    interface ThrowingFunction<K, V, E extends Exception> {
        V apply(K key) throws E;
    }
}
