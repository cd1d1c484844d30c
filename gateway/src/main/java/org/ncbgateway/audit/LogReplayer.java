package org.ncbgateway.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Re-injects a range of a log's messages into a target, each message once (the first entry of a selected type
 * that carries its wire bytes), in log order.
 */
public final class LogReplayer {

    /** Told after each message, for a progress bar. */
    @FunctionalInterface
    public interface Progress {
        void done(int count, int total);
    }

    /** What a replay did. */
    public record Result(int selected, int delivered, int alreadyThere) {
    }

    /** The target failed: how many messages were replayed before, of how many, and why. */
    public static final class Stopped extends IOException {
        private static final long serialVersionUID = 1L;
        private final int replayed;
        private final int total;

        Stopped(int replayed, int total, IOException cause) {
            super(cause.getMessage(), cause);
            this.replayed = replayed;
            this.total = total;
        }

        /** Messages the target took before it failed. */
        public int replayed() {
            return replayed;
        }

        public int total() {
            return total;
        }
    }

    private final Set<EntryType> types;

    public LogReplayer(Set<EntryType> types) {
        this.types = Set.copyOf(Objects.requireNonNull(types, "types"));
    }

    public List<ReplayTarget.ReplayedMessage> select(Path log, LogRange range) throws IOException {
        List<ReplayTarget.ReplayedMessage> selected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        LogReader.read(log, entry -> {
            EntryMeta meta = entry.meta();
            if (range.contains(entry) && types.contains(meta.type()) && meta.messageId() != null
                    && entry.data().length > 0 && seen.add(meta.messageId())) {
                String from = WireHeader.read(entry.data()).map(h -> h.path("from").asText(null)).orElse(null);
                selected.add(new ReplayTarget.ReplayedMessage(meta.messageId(), from, meta.kind(), entry.data()));
            }
            return range.to() == null || range.to().seq() == null || entry.seq() < range.to().seq();
        });
        return selected;
    }

    /** @throws Stopped when the target fails, with the count replayed before */
    public Result replay(Path log, LogRange range, ReplayTarget target, Progress progress) throws IOException {
        List<ReplayTarget.ReplayedMessage> selected = select(log, range);
        int delivered = 0;
        for (int i = 0; i < selected.size(); i++) {
            try {
                if (target.deliver(selected.get(i))) {
                    delivered++;
                }
            } catch (IOException e) {
                throw new Stopped(i, selected.size(), e);
            }
            progress.done(i + 1, selected.size());
        }
        return new Result(selected.size(), delivered, selected.size() - delivered);
    }
}
