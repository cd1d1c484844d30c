package org.ncbgateway.audit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a log entry records. The first seven are the message events of SPEC section 8; the others are
 * the log's own bookkeeping: a seal over the chain head, a witness's countersignature of that seal
 * (kept by the sealing node), a countersignature this node made for a peer's seal (kept by the
 * witness), and a note that crash recovery truncated a torn tail.
 */
public enum EntryType {
    SUBMITTED("submitted"),
    SENT("sent"),
    RELAYED("relayed"),
    RECEIVED("received"),
    DELIVERED("delivered"),
    REJECTED("rejected"),
    RECEIPT("receipt"),
    SEAL("seal"),
    WITNESS("witness"),
    WITNESSED("witnessed"),
    RECOVERED("recovered");

    private final String wireName;

    EntryType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** True for the message events a gateway appends; false for the log's own entries. */
    public boolean isMessageEvent() {
        return ordinal() <= RECEIPT.ordinal();
    }

    public static Optional<EntryType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    @JsonCreator
    static EntryType parse(String name) {
        return fromWireName(name).orElseThrow(() -> new IllegalArgumentException("unknown entry type '" + name + "'"));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
