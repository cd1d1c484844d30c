package org.ncbgateway.gateway;

import java.util.Objects;
import java.util.Optional;
import org.ncbgateway.message.MessageHeader;

/**
 * What goes onto a broker address: the bytes and the properties of SPEC section 5 (hints only:
 * receivers trust what is signed). {@code nextHop} is set for copies bound to {@code ncb.out.<HOP>}.
 */
public record WireMessage(String messageId, String from, String kind, byte[] body, Optional<String> nextHop) {

    public WireMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(nextHop, "nextHop");
    }

    static WireMessage of(MessageHeader header, byte[] body, String nextHop) {
        return new WireMessage(header.messageId().toString(), header.from(), header.kind().wireName(), body,
                Optional.ofNullable(nextHop));
    }
}
