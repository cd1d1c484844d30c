package org.ncbgateway.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ncbgateway.json.StrictJson;
import org.ncbgateway.message.MessageKind;

/**
 * The issuer's record of every message it sent and each recipient's receipt (SPEC section 7), as an
 * append-only journal of JSON lines forced to disk before each call returns (concurrent callers share
 * the forces). Applying the same receipt
 * twice changes nothing, so a receipt redelivered after a crash is harmless; the first answer of a
 * recipient is final. A crash can tear only the last line, which reading ignores.
 */
public final class DeliveryStatusStore implements Closeable {

    private static final ObjectMapper JSON = StrictJson.mapper();

    private final Map<UUID, Tracked> messages;
    private final GroupCommitFile journal;

    private DeliveryStatusStore(Map<UUID, Tracked> messages, GroupCommitFile journal) {
        this.messages = messages;
        this.journal = journal;
    }

    /** Opens the journal for writing, creating it when absent. One writer per file: the node. */
    public static DeliveryStatusStore open(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Map<UUID, Tracked> messages = replay(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        return new DeliveryStatusStore(messages, new GroupCommitFile(file, channel));
    }

    /** A read-only snapshot of a journal, for {@code ncb status} while the node runs. */
    public static List<MessageStatus> snapshot(Path file) throws IOException {
        return replay(file).values().stream().map(Tracked::status).toList();
    }

    public void recordSent(UUID messageId, MessageKind kind, String payloadId, List<String> recipients, Instant at) {
        StatusEvent event = StatusEvent.sent(messageId, kind, payloadId, recipients, at);
        byte[] line = line(event);
        long ticket;
        synchronized (this) {
            // sent already: return once that record is on disk too
            ticket = messages.containsKey(messageId) ? journal.lastTicket() : write(event, line);
        }
        force(ticket, event);
    }

    /**
     * Applies one recipient's receipt. Returns false, writing nothing, when the message is unknown,
     * the sender is not one of its recipients, or that recipient has already answered (returning, then,
     * once that answer is on disk).
     */
    public boolean recordReceipt(UUID messageId, String recipient, ReceiptOutcome outcome, Instant at) {
        StatusEvent event = StatusEvent.receipt(messageId, recipient, outcome, at);
        byte[] line = line(event);
        long ticket;
        boolean applies;
        synchronized (this) {
            Tracked tracked = messages.get(messageId);
            applies = tracked != null && tracked.awaits(recipient);
            ticket = applies ? write(event, line) : journal.lastTicket();
        }
        force(ticket, event);
        return applies;
    }

    public synchronized Optional<MessageStatus> find(UUID messageId) {
        return Optional.ofNullable(messages.get(messageId)).map(Tracked::status);
    }

    public synchronized List<MessageStatus> pending() {
        return messages.values().stream().map(Tracked::status).filter(MessageStatus::pending)
                .sorted(Comparator.comparing(MessageStatus::sentAt)).toList();
    }

    @Override
    public synchronized void close() throws IOException {
        journal.close();
    }

    /** Writes the event and applies it; the caller forces the ticket before it returns (outside the lock). */
    private long write(StatusEvent event, byte[] line) {
        try {
            long ticket = journal.write(line);
            apply(messages, event);
            return ticket;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record delivery status of " + event.messageId(), e);
        }
    }

    private static byte[] line(StatusEvent event) {
        try {
            return (JSON.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the status event of " + event.messageId(), e);
        }
    }

    private void force(long ticket, StatusEvent event) {
        try {
            journal.force(ticket);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record delivery status of " + event.messageId(), e);
        }
    }

    private static Map<UUID, Tracked> replay(Path file) throws IOException {
        Map<UUID, Tracked> messages = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return messages;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            try {
                apply(messages, JSON.readValue(lines.get(i), StatusEvent.class));
            } catch (JsonProcessingException e) {
                if (i < lines.size() - 1) {
                    throw new IOException(file + ": line " + (i + 1) + " is not a status event: "
                            + e.getOriginalMessage(), e);
                }
                // the last line alone may be torn by a crash; its call never returned
            }
        }
        return messages;
    }

    private static void apply(Map<UUID, Tracked> messages, StatusEvent event) {
        if (StatusEvent.SENT.equals(event.event())) {
            messages.putIfAbsent(event.messageId(), new Tracked(event));
        } else {
            Tracked tracked = messages.get(event.messageId());
            if (tracked != null && tracked.awaits(event.recipient())) {
                tracked.answer(event);
            }
        }
    }

    /** The mutable state of one message while the journal is replayed and appended. */
    private static final class Tracked {
        private final StatusEvent sent;
        private final Map<String, RecipientStatus> recipients = new LinkedHashMap<>();

        Tracked(StatusEvent sent) {
            this.sent = sent;
            for (String recipient : sent.recipients()) {
                recipients.put(recipient, new RecipientStatus(recipient, RecipientState.PENDING, null, null, sent.at()));
            }
        }

        boolean awaits(String recipient) {
            RecipientStatus status = recipients.get(recipient);
            return status != null && status.state() == RecipientState.PENDING;
        }

        void answer(StatusEvent receipt) {
            recipients.put(receipt.recipient(), new RecipientStatus(receipt.recipient(), receipt.state(),
                    receipt.code(), receipt.detail(), receipt.at()));
        }

        MessageStatus status() {
            return new MessageStatus(sent.messageId(), sent.kind(), sent.payloadId(), sent.at(),
                    new ArrayList<>(recipients.values()));
        }
    }
}
