package org.ncbgateway.cli.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ncbgateway.gateway.Submission;
import org.ncbgateway.gateway.SubmissionException;
import org.ncbgateway.gateway.SubmissionFile;
import org.ncbgateway.message.Priority;

/**
 * The demo's story, in order: FR diffuses a foreign-fighter subject to DE and BE, updates it, DE reports
 * a hit back to FR, FR cancels the diffusion. Each step says who sends what to whom, so the demo can
 * check that every addressee received exactly that.
 */
final class DemoStory {

    static final List<String> NODES = List.of("FR", "DE", "BE");

    /** One message of the story. */
    record Step(String sender, String label, Submission submission) {
    }

    private final List<Step> steps = new ArrayList<>();

    DemoStory(Instant now) throws SubmissionException {
        DemoPayloads payloads = new DemoPayloads(now);
        String diffusion = payloads.diffusionId();
        add("FR", "diffusion " + diffusion + " (wanted, FTF returnee)", payloads.diffusion(), List.of("DE", "BE"),
                Priority.URGENT, null);
        add("FR", "update " + diffusion + " v2 (last seen at the Bulgarian border)", payloads.update(),
                List.of("DE", "BE"), Priority.URGENT, null);
        add("DE", "hit on " + diffusion + " (Munich airport)", payloads.hit(), List.of("FR"), Priority.URGENT,
                steps.get(0).submission().messageId());
        add("FR", "cancellation of " + diffusion + " (subject arrested)", payloads.cancellation(),
                List.of("DE", "BE"), Priority.NORMAL, null);
    }

    private void add(String sender, String label, byte[] payload, List<String> to, Priority priority, UUID inReplyTo)
            throws SubmissionException {
        Submission submission = SubmissionFile.readPayload(payload, "demo " + label, UUID.randomUUID(), to, List.of(),
                priority, Optional.ofNullable(inReplyTo));
        steps.add(new Step(sender, label, submission));
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

    /** What each node must have delivered: every step addressed to it, and nothing else. */
    Map<String, List<Step>> expectedDeliveries() {
        Map<String, List<Step>> expected = new LinkedHashMap<>();
        NODES.forEach(node -> expected.put(node, new ArrayList<>()));
        for (Step step : steps) {
            step.submission().to().forEach(node -> expected.get(node).add(step));
        }
        return expected;
    }
}
