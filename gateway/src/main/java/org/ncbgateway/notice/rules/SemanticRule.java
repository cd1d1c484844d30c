package org.ncbgateway.notice.rules;

import java.util.List;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.notice.ValidationError;
import org.ncbgateway.notice.ValidationStage;
import tools.jackson.databind.JsonNode;

/**
 * One rule of SPEC section 3 that a JSON Schema cannot say. Runs only on a payload that already
 * passed its schema, so it may rely on the schema's shapes. Stateless and thread-safe.
 */
public interface SemanticRule {

    void check(JsonNode payload, MessageKind kind, List<ValidationError> errors);

    static ValidationError violation(String pointer, String reason, String rule) {
        return new ValidationError(pointer, reason, rule, ValidationStage.SEMANTIC);
    }
}
