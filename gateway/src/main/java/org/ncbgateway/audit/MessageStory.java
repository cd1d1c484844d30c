package org.ncbgateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything the logs say about one message: its events at each node, the receipts and other messages that
 * answer it ({@code header.inReplyTo}), and for each event the first seal (and countersignature) that covers it.
 */
public record MessageStory(String messageId, Optional<JsonNode> header, List<Event> events) {

    /** One entry of the story. */
    public record Event(TimelineEntry entry, int wireBytes, String relation, String sealedBy) {

        public String describe() {
            EntryMeta m = entry.meta();
            StringBuilder line = new StringBuilder().append(m.time()).append("  ").append(m.node()).append(" seq ")
                    .append(entry.seq()).append("  ").append(m.type());
            if (!relation.isEmpty()) {
                line.append(" (").append(relation).append(')');
            }
            if (m.peer() != null) {
                line.append(switch (m.type()) {
                    case RECEIVED -> " from ";
                    case SENT, RELAYED -> " to ";
                    default -> " peer ";
                }).append(m.peer());
            }
            if (m.reasonCode() != null) {
                line.append("  ").append(m.reasonCode());
            }
            if (m.reasonDetail() != null) {
                line.append(": ").append(m.reasonDetail());
            }
            return line.append("  [").append(wireBytes).append(" wire bytes, ").append(entry.place()).append("; ")
                    .append(sealedBy).append(']').toString();
        }
    }

    public static MessageStory of(List<Path> logs, String messageId) throws IOException {
        List<Event> events = new ArrayList<>();
        JsonNode[] header = {null};
        for (Path log : logs) {
            List<Event> fromLog = new ArrayList<>();
            LogReader.read(log, entry -> {
                EntryMeta m = entry.meta();
                if (m.type() == EntryType.SEAL || m.type() == EntryType.WITNESS) {
                    coverBy(fromLog, entry);
                    return true;
                }
                String relation = relation(entry, messageId, header);
                if (relation != null) {
                    fromLog.add(new Event(new TimelineEntry(log.toString(), entry.seq(), entry.place(), m),
                            entry.data().length, relation, "not sealed yet"));
                }
                return true;
            });
            events.addAll(fromLog);
        }
        events.sort(Comparator.comparing((Event e) -> e.entry().meta().time()));
        return new MessageStory(messageId, Optional.ofNullable(header[0]), events);
    }

    private static String relation(LogEntry entry, String messageId, JsonNode[] header) {
        EntryMeta m = entry.meta();
        if (messageId.equals(m.messageId())) {
            if (header[0] == null) {
                header[0] = WireHeader.read(entry.data()).orElse(null);
            }
            return "";
        }
        if (m.messageId() == null || entry.data().length == 0) {
            return null;
        }
        return WireHeader.read(entry.data()).filter(h -> messageId.equals(h.path("inReplyTo").asText(null)))
                .map(h -> h.path("kind").asText("reply") + " " + m.messageId() + " answering it").orElse(null);
    }

    private static void coverBy(List<Event> events, LogEntry sealOrWitness) {
        EntryMeta m = sealOrWitness.meta();
        String by = m.type() == EntryType.SEAL ? "sealed at seq " + sealOrWitness.seq()
                : "witnessed by " + m.peer() + " at seq " + sealOrWitness.seq();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (e.entry().seq() <= m.sealedSeq() && (e.sealedBy().equals("not sealed yet")
                    || m.type() == EntryType.WITNESS && !e.sealedBy().contains("witnessed"))) {
                String sealedBy = e.sealedBy().equals("not sealed yet") ? by : e.sealedBy() + ", " + by;
                events.set(i, new Event(e.entry(), e.wireBytes(), e.relation(), sealedBy));
            }
        }
    }
}
