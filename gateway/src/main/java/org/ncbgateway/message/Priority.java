package org.ncbgateway.message;

import com.fasterxml.jackson.annotation.JsonValue;

/** Header priority; urgent messages are delivered ahead of normal ones on every hop. */
public enum Priority {
    URGENT, NORMAL;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
