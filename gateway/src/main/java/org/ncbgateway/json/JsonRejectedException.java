package org.ncbgateway.json;

/**
 * Untrusted JSON refused before any of it is used: not UTF-8, not well-formed, or beyond a
 * {@link JsonLimits} bound.
 */
public final class JsonRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String rule;
    private final String pointer;

    /**
     * @param rule stable name of the broken rule, {@code json-...}
     * @param pointer JSON Pointer of the place reading stopped at, "" for the whole document
     * @param reason what is wrong, for a person; never the offending content itself
     */
    public JsonRejectedException(String rule, String pointer, String reason) {
        super(reason);
        this.rule = rule;
        this.pointer = pointer;
    }

    public String rule() {
        return rule;
    }

    public String pointer() {
        return pointer;
    }
}
