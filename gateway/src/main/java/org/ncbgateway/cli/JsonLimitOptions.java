package org.ncbgateway.cli;

import org.ncbgateway.json.JsonLimits;
import picocli.CommandLine.Option;

/** Command-line overrides of the JSON reading limits; defaults are {@link JsonLimits#DEFAULTS}. */
public final class JsonLimitOptions {

    @Option(names = "--max-document-bytes", paramLabel = "BYTES", description = "largest document (default: ${DEFAULT-VALUE})")
    long maxDocumentBytes = JsonLimits.DEFAULTS.maxDocumentBytes();

    @Option(names = "--max-depth", paramLabel = "LEVELS", description = "deepest nesting (default: ${DEFAULT-VALUE})")
    int maxDepth = JsonLimits.DEFAULTS.maxNestingDepth();

    @Option(names = "--max-string-length", paramLabel = "CHARS", description = "longest string (default: ${DEFAULT-VALUE})")
    int maxStringLength = JsonLimits.DEFAULTS.maxStringLength();

    @Option(names = "--max-number-length", paramLabel = "CHARS", description = "longest number (default: ${DEFAULT-VALUE})")
    int maxNumberLength = JsonLimits.DEFAULTS.maxNumberLength();

    /** Throws IllegalArgumentException when a limit is not positive. */
    public JsonLimits limits() {
        return new JsonLimits(maxDocumentBytes, maxDepth, maxStringLength, maxNumberLength,
                JsonLimits.DEFAULTS.maxNameLength());
    }
}
