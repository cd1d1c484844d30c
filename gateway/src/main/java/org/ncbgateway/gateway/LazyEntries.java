package org.ncbgateway.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.ncbgateway.audit.MessageLog;

/**
 * The message-log entries of one message appended without waiting ({@link MessageLog#appendLazily}): each
 * costs no force of its own, and all are awaited before the message is acknowledged. By then a later entry
 * someone waited for (the receipt's {@code sent}, a {@code receipt}) has usually forced them already.
 * Thread-safe.
 */
public final class LazyEntries {

    private final List<CompletableFuture<Long>> pending = new ArrayList<>(2);

    synchronized void add(CompletableFuture<Long> entry) {
        pending.add(entry);
    }

    /** Returns once every entry added is on disk; a failed write is thrown as {@link MessageLog#append} would. */
    void awaitAll(MessageLog log) {
        List<CompletableFuture<Long>> entries;
        synchronized (this) {
            entries = List.copyOf(pending);
        }
        entries.forEach(log::await);
    }
}
