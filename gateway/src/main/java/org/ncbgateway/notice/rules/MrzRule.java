package org.ncbgateway.notice.rules;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.notice.ValidationError;
import tools.jackson.databind.JsonNode;

/**
 * A document's {@code mrz} is a TD1 or TD3 zone whose check digits are right and which agrees with
 * the document's {@code number}, {@code issuingCountry}, {@code expiresOn} and, where both are full
 * dates, the subject's {@code dateOfBirth}.
 */
public final class MrzRule implements SemanticRule {

    public static final String RULE_FORMAT = "mrz-format";
    public static final String RULE_CHECK_DIGIT = "mrz-check-digit";
    public static final String RULE_AGREEMENT = "mrz-agreement";

    private static final boolean PERSONAL = true;
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    @Override
    public void check(JsonNode payload, MessageKind kind, List<ValidationError> errors) {
        Subjects.forEachDocument(payload, (document, person, at) -> {
            JsonNode lines = document.path("mrz");
            if (lines.isArray()) {
                checkZone(document, person, lines, at, errors);
            }
        });
    }

    private static void checkZone(JsonNode document, JsonNode person, JsonNode lineNodes, String at,
                                  List<ValidationError> errors) {
        List<String> lines = new ArrayList<>();
        lineNodes.values().forEach(line -> lines.add(line.stringValue()));
        Mrz mrz = Mrz.parse(lines);
        if (mrz == null) {
            errors.add(SemanticRule.violation(at + "/mrz",
                    "must be 3 lines of 30 characters (TD1) or 2 lines of 44 (TD3)", RULE_FORMAT));
            return;
        }
        for (Mrz.Check check : mrz.checks()) {
            if (!check.ok()) {
                errors.add(SemanticRule.violation(at + "/mrz/" + check.line(), mrz.format() + " " + check.field()
                        + " check digit is " + check.printed() + ", expected " + check.computed(), RULE_CHECK_DIGIT));
            }
        }
        agree(at + "/number", "document number", document.path("number").stringValue(), mrz.documentNumber(),
                PERSONAL, errors);
        agree(at + "/issuingCountry", "issuing state", document.path("issuingCountry").stringValue(),
                icaoToAlpha3(mrz.issuingState()), !PERSONAL, errors);
        JsonNode expiresOn = document.path("expiresOn");
        if (expiresOn.isString()) {
            agree(at + "/expiresOn", "date of expiry",
                    LocalDate.parse(expiresOn.stringValue()).format(YYMMDD), mrz.expiry(), !PERSONAL, errors);
        }
        Optional<LocalDate> birth = PartialDate.parse(person.path("dateOfBirth").stringValue("x")).flatMap(PartialDate::full);
        if (birth.isPresent() && mrz.dateOfBirth().chars().allMatch(Character::isDigit)) {
            String dobPointer = at.substring(0, at.indexOf("/documents/")) + "/dateOfBirth";
            agree(dobPointer, "date of birth", birth.get().format(YYMMDD), mrz.dateOfBirth(), PERSONAL, errors);
        }
    }

    /**
     * Reasons travel into receipts and logs: values that identify a person (document number, date
     * of birth) are named, not quoted.
     */
    private static void agree(String pointer, String field, String declared, String inZone, boolean personal,
                              List<ValidationError> errors) {
        if (!declared.equals(inZone)) {
            String values = personal ? "" : ": payload has " + declared + ", MRZ has " + inZone;
            errors.add(SemanticRule.violation(pointer, "disagrees with the MRZ " + field + values, RULE_AGREEMENT));
        }
    }

    /** ICAO codes are ISO alpha-3 padded with filler, except Germany's single "D". */
    private static String icaoToAlpha3(String state) {
        String code = state.replace("<", "");
        return "D".equals(code) ? "DEU" : code;
    }
}
