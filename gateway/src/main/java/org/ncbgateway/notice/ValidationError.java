package org.ncbgateway.notice;

import java.util.Objects;

/**
 * One reason a payload is invalid.
 *
 * @param pointer JSON Pointer (RFC 6901) of the offending value, "" for the whole document
 * @param reason what is wrong, for a person
 * @param rule the rule broken: a schema keyword ({@code required}, {@code pattern}...) or a semantic rule name
 * @param stage which validation stage found it
 */
public record ValidationError(String pointer, String reason, String rule, ValidationStage stage) {

    public ValidationError {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(stage, "stage");
    }

    @Override
    public String toString() {
        return pointer + ": " + reason + " (" + rule + ")";
    }
}
