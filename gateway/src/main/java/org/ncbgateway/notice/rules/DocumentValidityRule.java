package org.ncbgateway.notice.rules;

import java.time.LocalDate;
import java.util.List;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.notice.ValidationError;
import tools.jackson.databind.JsonNode;

/** A document cannot expire before it was issued. */
public final class DocumentValidityRule implements SemanticRule {

    public static final String RULE = "document-validity";

    @Override
    public void check(JsonNode payload, MessageKind kind, List<ValidationError> errors) {
        Subjects.forEachDocument(payload, (document, person, at) -> {
            JsonNode issuedOn = document.path("issuedOn");
            JsonNode expiresOn = document.path("expiresOn");
            if (issuedOn.isString() && expiresOn.isString()
                    && !LocalDate.parse(expiresOn.stringValue()).isAfter(LocalDate.parse(issuedOn.stringValue()))) {
                errors.add(SemanticRule.violation(at + "/expiresOn", "must be after issuedOn "
                        + issuedOn.stringValue() + ", is " + expiresOn.stringValue(), RULE));
            }
        });
    }
}
