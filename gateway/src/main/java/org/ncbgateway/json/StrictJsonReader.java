package org.ncbgateway.json;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads untrusted payload bytes into a Jackson 3 tree (the tree the schema validator works on),
 * refusing with a named rule anything that is not strict, bounded UTF-8 JSON. Thread-safe.
 */
public final class StrictJsonReader {

    private final JsonLimits limits;
    private final JsonMapper mapper;

    public StrictJsonReader(JsonLimits limits) {
        this.limits = limits;
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxStringLength())
                .maxNumberLength(limits.maxNumberLength())
                .maxNameLength(limits.maxNameLength())
                .maxDocumentLength(limits.maxDocumentBytes())
                .build();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
    }

    public StrictJsonReader() {
        this(JsonLimits.DEFAULTS);
    }

    public JsonLimits limits() {
        return limits;
    }

    public JsonNode read(byte[] bytes) throws JsonRejectedException {
        if (bytes.length > limits.maxDocumentBytes()) {
            throw new JsonRejectedException("json-size-limit", "", "document of " + bytes.length
                    + " bytes exceeds the limit of " + limits.maxDocumentBytes() + " bytes");
        }
        if (bytes.length == 0) {
            throw new JsonRejectedException("json-truncated", "", "empty document");
        }
        Utf8Check.require(bytes);
        try {
            return mapper.readTree(bytes);
        } catch (JacksonException e) {
            throw translate(e);
        }
    }

    private JsonRejectedException translate(JacksonException e) {
        String pointer = pointerOf(e);
        String where = where(e.getLocation());
        if (e instanceof StreamConstraintsException) {
            return limitExceeded(e.getOriginalMessage(), pointer, where);
        }
        if (e instanceof UnexpectedEndOfInputException) {
            return new JsonRejectedException("json-truncated", pointer, "document ends too early" + where);
        }
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("Duplicate Object property") || message.startsWith("Duplicate field")) {
            return new JsonRejectedException("json-duplicate-key", pointer,
                    "duplicate key " + quotedName(message) + where);
        }
        if (message.contains("Invalid UTF-8")) {
            return new JsonRejectedException("json-utf8", pointer, "not valid UTF-8" + where);
        }
        return new JsonRejectedException("json-syntax", pointer, "not well-formed JSON: " + message + where);
    }

    private JsonRejectedException limitExceeded(String message, String pointer, String where) {
        String text = String.valueOf(message);
        if (text.startsWith("Document nesting depth")) {
            return new JsonRejectedException("json-depth-limit", pointer,
                    "nesting deeper than " + limits.maxNestingDepth() + " levels" + where);
        }
        if (text.startsWith("String value length")) {
            return new JsonRejectedException("json-string-limit", pointer,
                    "string longer than " + limits.maxStringLength() + " characters" + where);
        }
        if (text.startsWith("Number value length")) {
            return new JsonRejectedException("json-number-limit", pointer,
                    "number longer than " + limits.maxNumberLength() + " characters" + where);
        }
        if (text.startsWith("Name length")) {
            return new JsonRejectedException("json-name-limit", pointer,
                    "property name longer than " + limits.maxNameLength() + " characters" + where);
        }
        return new JsonRejectedException("json-size-limit", pointer,
                "document larger than " + limits.maxDocumentBytes() + " bytes" + where);
    }

    private static String pointerOf(JacksonException e) {
        if (e instanceof StreamReadException sre && sre.processor() != null) {
            JsonParser parser = sre.processor();
            return parser.streamReadContext().pathAsPointer().toString();
        }
        return "";
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String quotedName(String message) {
        int start = message.indexOf('"');
        int end = message.indexOf('"', start + 1);
        return start >= 0 && end > start ? message.substring(start, end + 1) : "";
    }
}
