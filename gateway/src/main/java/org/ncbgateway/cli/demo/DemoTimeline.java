package org.ncbgateway.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.ncbgateway.audit.EntryMeta;
import org.ncbgateway.audit.EntryType;
import org.ncbgateway.audit.LogReader;
import org.ncbgateway.gateway.LocalFederation;

/**
 * What each node did, read back from the nodes' own message logs (the record an auditor would read),
 * merged in time order.
 */
final class DemoTimeline {

    private static final String ROW = "  %8s  %-3s %-10s %-4s %-4s %s";

    private DemoTimeline() {
    }

    /**
     * @param answered the message a receipt answers, read from the signed header of its wire bytes
     */
    static void print(PrintWriter out, LocalFederation federation, Map<UUID, String> labels,
                      Function<byte[], Optional<UUID>> answered, Instant start) throws IOException {
        List<EntryMeta> events = new ArrayList<>();
        Map<String, String> receiptLabels = new HashMap<>();
        for (String code : federation.codes()) {
            LogReader.read(federation.config(code).messageLogDir(), entry -> {
                if (entry.type().isMessageEvent()) {
                    events.add(entry.meta());
                    if ("receipt".equals(entry.meta().kind()) && entry.meta().messageId() != null) {
                        answered.apply(entry.data()).map(labels::get).ifPresent(label ->
                                receiptLabels.put(entry.meta().messageId(), "receipt for " + label));
                    }
                }
                return true;
            });
        }
        events.sort(Comparator.comparing(EntryMeta::time));
        out.println(String.format(ROW, "t+ms", "AT", "EVENT", "", "PEER", "MESSAGE").stripTrailing());
        for (EntryMeta event : events) {
            out.println(String.format(ROW, Duration.between(start, event.time()).toMillis(), event.node(),
                    event.type().wireName(), direction(event), event.peer() == null ? "" : event.peer(),
                    describe(event, labels, receiptLabels)).stripTrailing());
        }
    }

    private static String direction(EntryMeta event) {
        return switch (event.type()) {
            case SENT -> "->";
            case RECEIVED, DELIVERED, RECEIPT, REJECTED -> "<-";
            default -> "";
        };
    }

    private static String describe(EntryMeta event, Map<UUID, String> labels, Map<String, String> receiptLabels) {
        String label = event.messageId() == null ? null : labels.get(UUID.fromString(event.messageId()));
        String text = label != null ? label : receiptLabels.getOrDefault(event.messageId(), event.kind());
        if (event.reasonCode() != null) {
            text += " [" + event.reasonCode() + "]";
        } else if (event.type() == EntryType.RECEIPT) {
            text += " (delivered)";
        }
        return text;
    }
}
