package org.ncbgateway.notice.rules;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.notice.ValidationError;
import tools.jackson.databind.JsonNode;

/** {@code validUntil} is after the day of {@code issuedAt} (UTC) and at most five years later. */
public final class ValidUntilWindowRule implements SemanticRule {

    public static final String RULE = "valid-until-window";
    static final int MAX_YEARS = 5;

    @Override
    public void check(JsonNode payload, MessageKind kind, List<ValidationError> errors) {
        JsonNode validUntil = payload.path("validUntil");
        if (!validUntil.isString()) {
            return;
        }
        LocalDate until = LocalDate.parse(validUntil.stringValue());
        LocalDate issued = OffsetDateTime.parse(payload.path("issuedAt").stringValue())
                .withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        if (!until.isAfter(issued)) {
            errors.add(SemanticRule.violation("/validUntil",
                    "must be after the day of issue " + issued + ", is " + until, RULE));
        } else if (until.isAfter(issued.plusYears(MAX_YEARS))) {
            errors.add(SemanticRule.violation("/validUntil", "must be at most " + MAX_YEARS
                    + " years after issue, that is on or before " + issued.plusYears(MAX_YEARS) + ", is " + until,
                    RULE));
        }
    }
}
