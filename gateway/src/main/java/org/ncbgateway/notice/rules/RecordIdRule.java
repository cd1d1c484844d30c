package org.ncbgateway.notice.rules;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.notice.ValidationError;
import tools.jackson.databind.JsonNode;

/**
 * An id {@code <ISSUER>-<YYYY>-<NNNNNN>} names its issuer and the year of first issue: the prefix is
 * the issuing bureau (the hit's reporting bureau; for a cancellation, the issuer of what it
 * withdraws) and the year that of {@code issuedAt}, or earlier for an update, which keeps its
 * original's id. Prefixes fixed to {@code GS} are already the schema's.
 */
public final class RecordIdRule implements SemanticRule {

    public static final String RULE_ISSUER = "id-issuer";
    public static final String RULE_YEAR = "id-year";

    @Override
    public void check(JsonNode payload, MessageKind kind, List<ValidationError> errors) {
        String id = payload.path("id").stringValue("");
        if (kind == MessageKind.RECEIPT || id.length() < 7) {
            return;
        }
        String prefix = id.substring(0, 2);
        expectedPrefix(payload, kind).filter(expected -> !expected.equals(prefix)).ifPresent(expected ->
                errors.add(SemanticRule.violation("/id", "must start with the issuer's code " + expected
                        + "-, starts with " + prefix + "-", RULE_ISSUER)));
        int idYear = Integer.parseInt(id.substring(3, 7));
        int issuedYear = OffsetDateTime.parse(payload.path("issuedAt").stringValue())
                .withOffsetSameInstant(ZoneOffset.UTC).getYear();
        if (kind == MessageKind.UPDATE ? idYear > issuedYear : idYear != issuedYear) {
            String expectation = kind == MessageKind.UPDATE ? "no later than" : "equal to";
            errors.add(SemanticRule.violation("/id", "year " + idYear + " must be " + expectation
                    + " the year of issuedAt, " + issuedYear, RULE_YEAR));
        }
    }

    private static Optional<String> expectedPrefix(JsonNode payload, MessageKind kind) {
        String code = switch (kind) {
            case DIFFUSION, NOTICE_REQUEST -> payload.path("issuer").path("bureau").stringValue(null);
            case UPDATE -> "diffusion".equals(payload.path("replaces").stringValue(""))
                    ? payload.path("issuer").path("bureau").stringValue(null) : null;
            case HIT -> payload.path("reportingBureau").stringValue(null);
            case CANCELLATION -> payload.path("noticeId").stringValue("").substring(0, 2);
            default -> null;
        };
        return Optional.ofNullable(code);
    }
}
