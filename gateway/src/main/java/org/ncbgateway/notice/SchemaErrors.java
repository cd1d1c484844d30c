package org.ncbgateway.notice;

import com.networknt.schema.Error;
import java.util.List;

/** Turns the schema validator's errors into the project's {@link ValidationError}s. */
final class SchemaErrors {

    private SchemaErrors() {
    }

    private static final String UNEVALUATED = "unevaluatedProperties";
    private static final int LONGEST_ENUM_SHOWN = 12;

    /**
     * A subschema that fails evaluates nothing, so every property it declares is then also reported
     * as unevaluated: those echoes are left out while a real cause is reported.
     */
    static List<ValidationError> convert(List<Error> errors) {
        boolean hasCause = errors.stream().anyMatch(e -> !UNEVALUATED.equals(e.getKeyword()));
        return errors.stream()
                .filter(e -> !hasCause || !UNEVALUATED.equals(e.getKeyword()))
                .map(SchemaErrors::convert)
                .toList();
    }

    static ValidationError convert(Error error) {
        String pointer = error.getInstanceLocation().toString();
        String keyword = error.getKeyword();
        // A missing or forbidden property is reported at its own place, where a reader looks for it.
        if (error.getProperty() != null
                && ("required".equals(keyword)
                || UNEVALUATED.equals(keyword) || "additionalProperties".equals(keyword))) {
            pointer = pointer + "/" + error.getProperty().replace("~", "~0").replace("/", "~1");
        }
        return new ValidationError(pointer, reason(error), keyword == null ? "schema" : keyword,
                ValidationStage.SCHEMA);
    }

    private static String reason(Error error) {
        if ("enum".equals(error.getKeyword()) && error.getSchemaNode() != null
                && error.getSchemaNode().size() > LONGEST_ENUM_SHOWN) {
            return "is not one of the " + error.getSchemaNode().size() + " allowed values";
        }
        String message = error.getMessage();
        String location = error.getInstanceLocation().toString();
        String prefix = location + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
