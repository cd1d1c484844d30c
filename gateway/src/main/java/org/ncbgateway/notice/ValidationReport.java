package org.ncbgateway.notice;

import java.util.List;
import java.util.Optional;
import org.ncbgateway.message.ReasonCode;

/** The verdict on one payload: valid, or every error found. */
public record ValidationReport(List<ValidationError> errors) {

    public ValidationReport {
        errors = List.copyOf(errors);
    }

    public static ValidationReport ok() {
        return new ValidationReport(List.of());
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** The receipt reason code for an invalid payload: semantic only when every error is semantic. */
    public Optional<ReasonCode> reasonCode() {
        if (valid()) {
            return Optional.empty();
        }
        boolean allSemantic = errors.stream().allMatch(e -> e.stage() == ValidationStage.SEMANTIC);
        return Optional.of(allSemantic ? ReasonCode.SEMANTIC_INVALID : ReasonCode.SCHEMA_INVALID);
    }
}
