package org.ncbgateway.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ncbgateway.json.StrictJson;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.Priority;
import org.ncbgateway.notice.PayloadValidator;
import org.ncbgateway.notice.ValidationReport;

/**
 * The reviewer's side of the notice workflow: {@code publish} turns a held request into a {@code notice}
 * issued by the secretariat (to {@code all}, or the addressees given, minus the request's excluded
 * bureaus) and answers the requester with a {@code review-decision}; {@code refuse} answers with the
 * reason. Both are handed to the secretariat's node through its drop folder, which signs and sends
 * them. Deciding again the same way sends the same messages again (same ids: receivers drop the copy);
 * deciding otherwise is refused.
 */
public final class ReviewDesk {

    private static final ObjectMapper JSON = StrictJson.mapper();

    private final ReviewQueue queue;
    private final IssuedIds ids;
    private final DropFolder drop;
    private final PayloadValidator validator;
    private final Clock clock;

    public ReviewDesk(ReviewQueue queue, IssuedIds ids, DropFolder drop, PayloadValidator validator, Clock clock) {
        this.queue = queue;
        this.ids = ids;
        this.drop = drop;
        this.validator = validator;
        this.clock = clock;
    }

    /** The desk of a secretariat node: its review queue, id counter and drop folder. */
    public static ReviewDesk of(NodeConfig config, PayloadValidator validator, Clock clock) throws IOException {
        return new ReviewDesk(ReviewQueue.open(ReviewQueue.dir(config)),
                new IssuedIds(config.nodeCode(), config.dataDir().resolve("issued-ids")), new DropFolder(config.dropDir()),
                validator, clock);
    }

    public ReviewQueue queue() {
        return queue;
    }

    public ReviewItem publish(String requestId, List<String> to) throws ReviewException, IOException {
        ReviewItem item = undecided(requestId, "published");
        if (item.decision().isEmpty()) {
            Instant now = now();
            List<String> addressees = to.isEmpty() ? List.of("all") : to;
            item = queue.decide(item, check(item, new ReviewItem.Decision("published", now,
                    Optional.of(ids.next(now)), addressees, excludedBureaus(item.request()), Optional.empty(),
                    ids.next(now), UUID.randomUUID(), UUID.randomUUID())));
        }
        send(item);
        return item;
    }

    public ReviewItem refuse(String requestId, String reason) throws ReviewException, IOException {
        if (reason == null || reason.isBlank()) {
            throw new ReviewException("a refusal needs a reason for the requesting bureau");
        }
        ReviewItem item = undecided(requestId, "refused");
        if (item.decision().isEmpty()) {
            Instant now = now();
            item = queue.decide(item, check(item, new ReviewItem.Decision("refused", now, Optional.empty(),
                    List.of(), List.of(), Optional.of(reason), ids.next(now), UUID.randomUUID(), UUID.randomUUID())));
        }
        send(item);
        return item;
    }

    /** The request, undecided or already decided the same way; never one decided otherwise. */
    private ReviewItem undecided(String requestId, String wanted) throws ReviewException, IOException {
        ReviewItem item = queue.find(requestId).orElseThrow(() ->
                new ReviewException("no notice request " + requestId + " in the review queue"));
        Optional<ReviewItem.Decision> taken = item.decision();
        if (taken.isPresent() && !taken.get().decision().equals(wanted)) {
            throw new ReviewException("notice request " + requestId + " was already " + taken.get().decision()
                    + " at " + taken.get().decidedAt());
        }
        return item;
    }

    /** Both payloads must pass the federation's validation before the decision is recorded. */
    private ReviewItem.Decision check(ReviewItem item, ReviewItem.Decision decision) throws ReviewException {
        for (Submission submission : submissions(item.decided(decision))) {
            ValidationReport report = validator.validate(submission.payload());
            if (!report.valid()) {
                throw new ReviewException(submission.kind() + " " + submission.payloadId() + " for request "
                        + item.requestId() + " is invalid: " + report.errors());
            }
        }
        return decision;
    }

    private void send(ReviewItem item) throws IOException {
        for (Submission submission : submissions(item)) {
            drop.submit(submission);
        }
    }

    /** The notice (when published) and the review-decision of a decided item. */
    public static List<Submission> submissions(ReviewItem item) {
        ReviewItem.Decision decision = item.decision().orElseThrow();
        List<Submission> out = new ArrayList<>();
        try {
            if (decision.published()) {
                out.add(new Submission(decision.noticeMessageId(), MessageKind.NOTICE, decision.noticeId().orElseThrow(),
                        decision.to(), decision.excluded(), Priority.NORMAL, Optional.empty(),
                        JSON.writeValueAsBytes(notice(item, decision))));
            }
            out.add(new Submission(decision.answerMessageId(), MessageKind.REVIEW_DECISION, decision.answerId(),
                    List.of(item.from()), List.of(), Priority.NORMAL, Optional.of(item.messageId()),
                    JSON.writeValueAsBytes(answer(item, decision))));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the payloads of request " + item.requestId(), e);
        }
        return out;
    }

    /** The published notice: the request's content, issued by the secretariat under its own id. */
    private static ObjectNode notice(ReviewItem item, ReviewItem.Decision decision) {
        ObjectNode notice = ((ObjectNode) item.request()).deepCopy();
        notice.put("kind", MessageKind.NOTICE.wireName());
        notice.put("id", decision.noticeId().orElseThrow());
        notice.put("issuedAt", decision.decidedAt().toString());
        notice.put("requestId", item.requestId());
        return notice;
    }

    private static ObjectNode answer(ReviewItem item, ReviewItem.Decision decision) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("kind", MessageKind.REVIEW_DECISION.wireName());
        answer.put("schemaVersion", "1.0");
        answer.put("id", decision.answerId());
        answer.put("issuedAt", decision.decidedAt().toString());
        answer.put("requestId", item.requestId());
        answer.put("decision", decision.decision());
        decision.noticeId().ifPresent(id -> answer.put("noticeId", id));
        decision.reason().ifPresent(reason -> answer.put("reason", reason));
        return answer;
    }

    private static List<String> excludedBureaus(JsonNode request) {
        List<String> excluded = new ArrayList<>();
        request.path("caveats").path("excludedBureaus").forEach(code -> excluded.add(code.asText()));
        return excluded;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
