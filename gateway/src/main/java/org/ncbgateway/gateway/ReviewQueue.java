package org.ncbgateway.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ncbgateway.json.StrictJson;

/**
 * The secretariat's review queue (SPEC section 2): every verified {@code notice-request} is kept as one
 * file in {@code <data>/review/pending/} until a reviewer decides, then moves to {@code decided/} with
 * the decision. Files survive restarts; holding the same request twice changes nothing.
 */
public final class ReviewQueue {

    private static final ObjectMapper JSON = StrictJson.mapper();
    private static final Pattern REQUEST_ID = Pattern.compile("^[A-Z]{2}-[0-9]{4}-[0-9]{6}$");

    private final Path pending;
    private final Path decided;

    private ReviewQueue(Path dir) {
        this.pending = dir.resolve("pending");
        this.decided = dir.resolve("decided");
    }

    public static Path dir(NodeConfig config) {
        return config.dataDir().resolve("review");
    }

    public static ReviewQueue open(Path dir) throws IOException {
        ReviewQueue queue = new ReviewQueue(dir);
        Files.createDirectories(queue.pending);
        Files.createDirectories(queue.decided);
        return queue;
    }

    /**
     * Keeps a verified notice-request for review; a request already held or decided is left as it is.
     *
     * @param messageId the message that carried it, which the review decision answers
     * @param from the requesting bureau
     */
    public ReviewItem hold(UUID messageId, String from, byte[] payload, Instant receivedAt) throws IOException {
        JsonNode request = JSON.readTree(payload);
        String requestId = request.path("id").asText();
        if (!REQUEST_ID.matcher(requestId).matches()) {
            throw new IOException("notice-request " + messageId + ": /id: '" + requestId + "' is not a request id");
        }
        Optional<ReviewItem> known = find(requestId);
        if (known.isPresent()) {
            return known.get();
        }
        ReviewItem item = new ReviewItem(requestId, messageId, from, receivedAt, request, Optional.empty());
        SafeFiles.writeAtomically(pending.resolve(requestId + ".json"), item.toJson());
        return item;
    }

    /** The requests waiting for a decision, oldest first. */
    public List<ReviewItem> pending() throws IOException {
        List<ReviewItem> items = new ArrayList<>();
        try (Stream<Path> files = Files.list(pending)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                items.add(read(file));
            }
        }
        items.sort(Comparator.comparing(ReviewItem::receivedAt));
        return items;
    }

    /** A request, pending or decided. */
    public Optional<ReviewItem> find(String requestId) throws IOException {
        if (!REQUEST_ID.matcher(requestId).matches()) {
            return Optional.empty();
        }
        Path done = decided.resolve(requestId + ".json");
        if (Files.exists(done)) {
            return Optional.of(read(done));
        }
        Path waiting = pending.resolve(requestId + ".json");
        return Files.exists(waiting) ? Optional.of(read(waiting)) : Optional.empty();
    }

    /**
     * Records the decision (first in {@code decided/}, then removes the pending copy: a crash between
     * leaves the decision, which wins).
     */
    public ReviewItem decide(ReviewItem item, ReviewItem.Decision decision) throws IOException {
        ReviewItem done = item.decided(decision);
        SafeFiles.writeAtomically(decided.resolve(item.requestId() + ".json"), done.toJson());
        Files.deleteIfExists(pending.resolve(item.requestId() + ".json"));
        return done;
    }

    private static ReviewItem read(Path file) throws IOException {
        JsonNode node = JSON.readTree(Files.readAllBytes(file));
        if (!(node instanceof ObjectNode)) {
            throw new IOException(file + ": not a review item");
        }
        return ReviewItem.fromJson(node, file.toString());
    }

    static UUID uuid(JsonNode node, String field, String source) throws IOException {
        try {
            return UUID.fromString(node.path(field).asText());
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": /" + field + ": not a UUID", e);
        }
    }
}
