package org.ncbgateway.audit;

import java.util.Objects;

/** What goes into one log entry besides its sequence number and chain link. */
public record EntryContent(EntryMeta meta, byte[] data) {

    public EntryContent {
        Objects.requireNonNull(meta, "meta");
        data = data == null ? new byte[0] : data;
    }

    /**
     * Builds an entry from the head it will follow, inside the log's writer, so that what it says about the head
     * (a seal, a countersignature) is exactly the head its own entry is chained to.
     */
    @FunctionalInterface
    public interface OverHead {
        EntryContent create(ChainHead head);
    }
}
