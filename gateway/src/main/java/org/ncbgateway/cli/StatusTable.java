package org.ncbgateway.cli;

import java.time.temporal.ChronoUnit;
import java.util.List;
import org.ncbgateway.gateway.MessageStatus;
import org.ncbgateway.gateway.RecipientState;
import org.ncbgateway.gateway.RecipientStatus;

/** The plain-text tables {@code ncb status} prints for operators. */
final class StatusTable {

    private static final String ROW = "%-12s %-10s %-20s %s";
    private static final String PENDING_ROW = "%-36s %-13s %-16s %-20s %9s %8s  %s";

    private StatusTable() {
    }

    static String message(MessageStatus status) {
        StringBuilder text = new StringBuilder();
        line(text, "message  " + status.messageId());
        line(text, "kind     " + status.kind() + "  " + status.payloadId());
        line(text, "sent     " + seconds(status));
        line(text, "");
        line(text, String.format(ROW, "RECIPIENT", "STATE", "SINCE", "REASON"));
        for (RecipientStatus r : status.recipients()) {
            String reason = r.code() == null ? "" : r.code() + (r.detail() == null ? "" : ": " + r.detail());
            line(text, String.format(ROW, r.recipient(), r.state().wireName(),
                    r.since().truncatedTo(ChronoUnit.SECONDS), reason));
        }
        return text.toString();
    }

    static String pending(List<MessageStatus> messages) {
        StringBuilder text = new StringBuilder();
        if (messages.isEmpty()) {
            line(text, "no message awaits a receipt");
            return text.toString();
        }
        line(text, String.format(PENDING_ROW, "MESSAGE", "KIND", "PAYLOAD", "SENT", "DELIVERED", "REJECTED",
                "PENDING"));
        for (MessageStatus m : messages) {
            List<String> waiting = m.recipients().stream().filter(r -> r.state() == RecipientState.PENDING)
                    .map(RecipientStatus::recipient).toList();
            line(text, String.format(PENDING_ROW, m.messageId(), m.kind(), m.payloadId(), seconds(m),
                    m.count(RecipientState.DELIVERED), m.count(RecipientState.REJECTED), String.join(",", waiting)));
        }
        return text.toString();
    }

    private static Object seconds(MessageStatus m) {
        return m.sentAt().truncatedTo(ChronoUnit.SECONDS);
    }

    private static void line(StringBuilder text, String line) {
        text.append(line.stripTrailing()).append(System.lineSeparator());
    }
}
