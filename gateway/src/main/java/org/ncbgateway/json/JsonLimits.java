package org.ncbgateway.json;

/**
 * Bounds on untrusted JSON. The defaults leave room for a notice carrying a few photos in base64
 * while keeping a hostile document from exhausting memory or CPU.
 *
 * @param maxDocumentBytes largest accepted document
 * @param maxNestingDepth deepest accepted nesting of objects and arrays
 * @param maxStringLength longest accepted string value, in characters
 * @param maxNumberLength longest accepted number, in characters
 * @param maxNameLength longest accepted property name, in characters
 */
public record JsonLimits(long maxDocumentBytes, int maxNestingDepth, int maxStringLength,
                         int maxNumberLength, int maxNameLength) {

    public static final JsonLimits DEFAULTS =
            new JsonLimits(16L * 1024 * 1024, 64, 12 * 1024 * 1024, 64, 256);

    public JsonLimits {
        if (maxDocumentBytes <= 0 || maxNestingDepth <= 0 || maxStringLength <= 0
                || maxNumberLength <= 0 || maxNameLength <= 0) {
            throw new IllegalArgumentException("every JSON limit must be positive");
        }
    }
}
