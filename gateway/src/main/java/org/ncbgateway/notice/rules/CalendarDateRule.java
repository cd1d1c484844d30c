package org.ncbgateway.notice.rules;

import java.util.List;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.notice.ValidationError;
import tools.jackson.databind.JsonNode;

/**
 * Partial dates must be real calendar dates: the schema's pattern admits 2023-02-29 and 2024-04-31.
 * (Full dates are {@code format: date}, which the schema validator already asserts.)
 */
public final class CalendarDateRule implements SemanticRule {

    public static final String RULE = "calendar-date";

    @Override
    public void check(JsonNode payload, MessageKind kind, List<ValidationError> errors) {
        Subjects.forEachSubject(payload, (person, at) ->
                require(person.path("dateOfBirth"), at + "/dateOfBirth", errors));
        JsonNode ftf = payload.path("ftf");
        require(ftf.path("lastKnownLocation").path("date"), "/ftf/lastKnownLocation/date", errors);
        JsonNode travel = ftf.path("travel");
        for (int i = 0; i < travel.size(); i++) {
            require(travel.get(i).path("date"), "/ftf/travel/" + i + "/date", errors);
        }
    }

    private static void require(JsonNode date, String pointer, List<ValidationError> errors) {
        if (date.isString() && PartialDate.parse(date.stringValue()).isEmpty()) {
            // The value itself may be a date of birth: named by its place, not quoted.
            errors.add(SemanticRule.violation(pointer, "is not a real calendar date", RULE));
        }
    }
}
