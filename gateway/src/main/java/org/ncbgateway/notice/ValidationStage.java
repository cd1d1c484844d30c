package org.ncbgateway.notice;

/** Where in validation a payload failed; decides the reason code a receiver answers with. */
public enum ValidationStage {
    /** Not well-formed JSON, or beyond the reading limits. */
    JSON,
    /** Violates the JSON Schema of its kind. */
    SCHEMA,
    /** Violates a rule a schema cannot say (SPEC section 3). */
    SEMANTIC
}
