package org.ncbgateway.routing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.Priority;

/** Headers for routing tests. */
final class Headers {

    private Headers() {
    }

    static MessageHeader header(MessageKind kind, String from, List<String> to, List<String> excluded) {
        Instant now = Instant.parse("2026-06-01T10:00:00Z");
        return new MessageHeader(UUID.randomUUID(), kind, from, to, excluded, now, now.plusSeconds(3600), null,
                Priority.NORMAL);
    }

    static MessageHeader diffusion(String from, List<String> to, List<String> excluded) {
        return header(MessageKind.DIFFUSION, from, to, excluded);
    }

    static MessageHeader diffusion(String from, String... to) {
        return diffusion(from, List.of(to), List.of());
    }
}
