package org.ncbgateway.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.ncbgateway.message.MessageHeader;

/**
 * Which node must have signed the inner layer of a message, so that the origin a receiver records is the
 * one the payload claims:
 * <ul>
 * <li>{@code diffusion}, {@code notice-request}: the payload's {@code issuer.bureau};</li>
 * <li>{@code notice}: {@code GS}, the publication authority, whatever bureau requested it;</li>
 * <li>{@code update}: {@code GS} for a published notice (id {@code GS-...}), else {@code issuer.bureau};</li>
 * <li>{@code hit}: the payload's {@code reportingBureau};</li>
 * <li>{@code receipt}, {@code review-decision}, {@code cancellation}: {@code header.from}, since these
 *     payloads name no issuer and only the node that sends them may author them;</li>
 * <li>{@code directory-update}: {@code GS}, which operates the root authority.</li>
 * </ul>
 * The rule follows {@code header.kind}; a payload of another kind is refused later with KIND_MISMATCH.
 */
final class InnerSignerRule {

    static final String SECRETARIAT = "GS";

    private InnerSignerRule() {
    }

    /** The node code expected, or empty when the payload does not name the field the rule needs. */
    static Optional<String> expectedSigner(MessageHeader header, JsonNode payload) {
        return switch (header.kind()) {
            case DIFFUSION, NOTICE_REQUEST -> text(payload.path("issuer").path("bureau"));
            case NOTICE, DIRECTORY_UPDATE -> Optional.of(SECRETARIAT);
            case UPDATE -> text(payload.path("id")).filter(id -> id.startsWith(SECRETARIAT + "-")).isPresent()
                    ? Optional.of(SECRETARIAT)
                    : text(payload.path("issuer").path("bureau"));
            case HIT -> text(payload.path("reportingBureau"));
            case RECEIPT, REVIEW_DECISION, CANCELLATION -> Optional.of(header.from());
        };
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }
}
