package org.ncbgateway.notice;

/** Validates a payload's bytes against the schema of its own {@code kind} and the semantic rules. Thread-safe. */
@FunctionalInterface
public interface PayloadValidator {

    ValidationReport validate(byte[] payload);
}
