package org.ncbgateway.notice;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ncbgateway.json.JsonLimits;
import org.ncbgateway.json.JsonRejectedException;
import org.ncbgateway.json.StrictJsonReader;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.notice.rules.BiometricDigestRule;
import org.ncbgateway.notice.rules.CalendarDateRule;
import org.ncbgateway.notice.rules.DocumentValidityRule;
import org.ncbgateway.notice.rules.MrzRule;
import org.ncbgateway.notice.rules.RecordIdRule;
import org.ncbgateway.notice.rules.SemanticRule;
import org.ncbgateway.notice.rules.ValidUntilWindowRule;
import tools.jackson.databind.JsonNode;

/**
 * Validates a payload in three stages, each only if the one before passed: strict JSON reading,
 * the JSON Schema of its own {@code kind}, then the semantic rules. Build once, share: thread-safe.
 */
public final class NoticeValidator implements PayloadValidator {

    private static final List<SemanticRule> RULES = List.of(
            new CalendarDateRule(),
            new ValidUntilWindowRule(),
            new DocumentValidityRule(),
            new MrzRule(),
            new BiometricDigestRule(),
            new RecordIdRule());

    private final StrictJsonReader reader;
    private final SchemaCatalog schemas;

    public NoticeValidator(JsonLimits limits, SchemaCatalog schemas) {
        this.reader = new StrictJsonReader(limits);
        this.schemas = schemas;
    }

    public NoticeValidator(JsonLimits limits) {
        this(limits, SchemaCatalog.bundled());
    }

    public NoticeValidator() {
        this(JsonLimits.DEFAULTS);
    }

    @Override
    public ValidationReport validate(byte[] payload) {
        JsonNode tree;
        try {
            tree = reader.read(payload);
        } catch (JsonRejectedException e) {
            return new ValidationReport(List.of(
                    new ValidationError(e.pointer(), e.getMessage(), e.rule(), ValidationStage.JSON)));
        }
        return validate(tree);
    }

    /** Validates an already strictly read tree. */
    public ValidationReport validate(JsonNode payload) {
        Optional<MessageKind> kind = kindOf(payload);
        if (kind.isEmpty()) {
            return new ValidationReport(SchemaErrors.convert(schemas.anyPayload().validate(payload)));
        }
        List<ValidationError> errors = new ArrayList<>(SchemaErrors.convert(schemas.forKind(kind.get()).validate(payload)));
        if (errors.isEmpty()) {
            for (SemanticRule rule : RULES) {
                rule.check(payload, kind.get(), errors);
            }
        }
        return new ValidationReport(errors);
    }

    /** The payload's own {@code kind}, for comparing with a message header's; empty if absent or unknown. */
    public static Optional<MessageKind> kindOf(JsonNode payload) {
        JsonNode kind = payload.path("kind");
        return kind.isString() ? MessageKind.fromWireName(kind.stringValue()) : Optional.empty();
    }
}
