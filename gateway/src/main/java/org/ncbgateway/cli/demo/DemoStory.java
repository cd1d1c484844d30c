package org.ncbgateway.cli.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryNode;
import org.ncbgateway.gateway.ReviewDesk;
import org.ncbgateway.gateway.ReviewItem;
import org.ncbgateway.gateway.Submission;
import org.ncbgateway.gateway.SubmissionException;
import org.ncbgateway.gateway.SubmissionFile;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.Priority;
import org.ncbgateway.routing.RecipientResolver;

/**
 * The demo's story, in order: FR diffuses a foreign-fighter subject to DE and BE, updates it, DE reports
 * a hit back to FR, FR cancels the diffusion; FR diffuses to {@code region:EUROPE} but BE, through
 * HUB-EUROPE; NL asks GS for a notice, which the reviewer publishes to all; NG (Africa) reports a hit on
 * it back to NL. Each step says who sends what to whom, so the demo can check that every addressee
 * received exactly that. Nodes of the directory that do not run here are addressed too: their copies
 * wait at the hubs.
 */
final class DemoStory {

    static final List<String> NODES = List.of("FR", "DE", "BE", "NL", "HUB-EUROPE", "GS", "HUB-AFRICA", "NG");

    /** One message of the story. */
    record Step(String sender, String label, Submission submission) {

        String addressing() {
            String to = String.join(", ", submission.to());
            return submission.excluded().isEmpty() ? to : to + " except " + String.join(", ", submission.excluded());
        }

        /** The final recipients, as the directory resolves the addressing. */
        List<String> recipients(Directory directory) {
            return RecipientResolver.resolve(directory, submission.kind(), sender, submission.to(),
                    submission.excluded()).stream().map(DirectoryNode::code).toList();
        }
    }

    private final DemoPayloads payloads;
    private final List<Step> steps = new ArrayList<>();

    DemoStory(Instant now) throws SubmissionException {
        payloads = new DemoPayloads(now);
        String diffusion = payloads.diffusionId();
        add("FR", "diffusion " + diffusion + " (wanted, FTF returnee)", payloads.diffusion(), List.of("DE", "BE"),
                List.of(), Priority.URGENT, null);
        add("FR", "update " + diffusion + " v2 (last seen at the Bulgarian border)", payloads.update(),
                List.of("DE", "BE"), List.of(), Priority.URGENT, null);
        add("DE", "hit on " + diffusion + " (Munich airport)", payloads.hit(), List.of("FR"), List.of(),
                Priority.URGENT, steps.get(0).submission().messageId());
        add("FR", "cancellation of " + diffusion + " (subject arrested)", payloads.cancellation(),
                List.of("DE", "BE"), List.of(), Priority.NORMAL, null);
        add("FR", "diffusion " + payloads.regionDiffusionId() + " (accomplice) by region", payloads.regionDiffusion(),
                List.of("region:EUROPE"), List.of("BE"), Priority.URGENT, null);
        add("NL", "notice-request " + payloads.noticeRequestId() + " (missing adult)", payloads.noticeRequest(),
                List.of("GS"), List.of(), Priority.NORMAL, null);
    }

    /** The first part of the story, up to the notice request waiting for review at GS. */
    List<Step> opening() {
        return List.copyOf(steps);
    }

    String noticeRequestId() {
        return payloads.noticeRequestId();
    }

    /** What GS sent when the reviewer published the request: the notice and the review-decision. */
    List<Step> published(ReviewItem item) {
        List<Step> sent = new ArrayList<>();
        for (Submission submission : ReviewDesk.submissions(item)) {
            sent.add(new Step("GS", submission.kind().wireName() + " " + submission.payloadId()
                    + (submission.kind() == MessageKind.NOTICE ? " (yellow, from "
                    + item.requestId() + ")" : " (published)"), submission));
        }
        steps.addAll(sent);
        return sent;
    }

    /** NG reports a hit on the published notice back to the requesting bureau, across regions. */
    Step hitOnNotice(ReviewItem item) throws SubmissionException {
        String noticeId = item.decision().orElseThrow().noticeId().orElseThrow();
        return add("NG", "hit on " + noticeId + " (Lagos airport)", payloads.hitOnNotice(noticeId),
                List.of(item.from()), List.of(), Priority.URGENT, item.decision().orElseThrow().noticeMessageId());
    }

    private Step add(String sender, String label, byte[] payload, List<String> to, List<String> excluded,
                     Priority priority, UUID inReplyTo) throws SubmissionException {
        Submission submission = SubmissionFile.readPayload(payload, "demo " + label, UUID.randomUUID(), to, excluded,
                priority, Optional.ofNullable(inReplyTo));
        Step step = new Step(sender, label, submission);
        steps.add(step);
        return step;
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }

    /** Message id to a readable label, for the timeline. */
    Map<UUID, String> labels() {
        Map<UUID, String> labels = new LinkedHashMap<>();
        steps.forEach(step -> labels.put(step.submission().messageId(), step.label()));
        return labels;
    }

    /** What each running node must have delivered: every step addressed to it, and nothing else. */
    Map<String, List<Step>> expectedDeliveries(Directory directory) {
        Map<String, List<Step>> expected = new LinkedHashMap<>();
        NODES.forEach(node -> expected.put(node, new ArrayList<>()));
        for (Step step : steps) {
            step.recipients(directory).stream().filter(expected::containsKey)
                    .forEach(node -> expected.get(node).add(step));
        }
        return expected;
    }
}
