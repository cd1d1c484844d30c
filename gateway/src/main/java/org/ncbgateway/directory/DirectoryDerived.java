package org.ncbgateway.directory;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a node derives from the directory in force (its topology, its parsed certificates), made once per
 * directory rather than once per message, and made again when another directory is put in force: the
 * directory is read at each call, so an update still applies without a restart.
 */
public final class DirectoryDerived<T> implements Supplier<T> {

    private record Made<T>(Directory from, T value) {
    }

    private final Supplier<Directory> directory;
    private final Function<Directory, T> derive;
    private volatile Made<T> made;

    public DirectoryDerived(Supplier<Directory> directory, Function<Directory, T> derive) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.derive = Objects.requireNonNull(derive, "derive");
    }

    @Override
    public T get() {
        Directory current = directory.get();
        Made<T> cached = made;
        if (cached == null || cached.from() != current) {
            cached = new Made<>(current, derive.apply(current));
            made = cached;
        }
        return cached.value();
    }
}
