package org.ncbgateway.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the log's writer thread has written but not yet forced: each entry's future completes only once a
 * force covers it. The oldest sets how long the writer may wait for a batch that needs a force anyway.
 * Used by the writer thread alone.
 */
final class UnforcedEntries {

    private final long delayNanos;
    private final List<CompletableFuture<Long>> waiting = new ArrayList<>();
    private final List<Long> seqs = new ArrayList<>();
    private long deadline;

    UnforcedEntries(long delayNanos) {
        this.delayNanos = delayNanos;
    }

    /** An entry written as {@code seq}; {@code seq} null: it failed alone, its future already says so. */
    void add(CompletableFuture<Long> done, Long seq) {
        if (seq == null) {
            return;
        }
        if (waiting.isEmpty()) {
            deadline = System.nanoTime() + delayNanos;
        }
        waiting.add(done);
        seqs.add(seq);
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    int size() {
        return waiting.size();
    }

    /** How long the oldest entry may still wait for a force; zero or less: force now. */
    long nanosLeft() {
        return deadline - System.nanoTime();
    }

    /** A force covered every entry written so far. */
    void forced() {
        for (int i = 0; i < waiting.size(); i++) {
            waiting.get(i).complete(seqs.get(i));
        }
        clear();
    }

    void fail(IOException e) {
        waiting.forEach(done -> done.completeExceptionally(e));
        clear();
    }

    private void clear() {
        waiting.clear();
        seqs.clear();
    }
}
