package org.ncbgateway.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * A message event as the gateway reports it to its {@link MessageLog}. The wire bytes are the outer CMS
 * SignedData exactly as sent or received (empty only when there are none, e.g. an unparseable input).
 */
public record LogEvent(EntryType type, Instant time, String messageId, String kind, String peer,
                       String reasonCode, String reasonDetail, byte[] wire) {

    public LogEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        if (!type.isMessageEvent()) {
            throw new IllegalArgumentException("'" + type + "' is not a message event");
        }
        wire = wire == null ? new byte[0] : wire.clone();
    }

    @Override
    public byte[] wire() {
        return wire.clone();
    }

    /** An event now, without a reason. */
    public static LogEvent of(EntryType type, String messageId, String kind, String peer, byte[] wire) {
        return new LogEvent(type, Instant.now(), messageId, kind, peer, null, null, wire);
    }

    /** A rejection now, with its SPEC section 7 code and a detail. */
    public static LogEvent rejected(String messageId, String kind, String peer, String reasonCode,
                                    String reasonDetail, byte[] wire) {
        return new LogEvent(EntryType.REJECTED, Instant.now(), messageId, kind, peer, reasonCode, reasonDetail, wire);
    }

    byte[] wireUnsafe() {
        return wire;
    }
}
