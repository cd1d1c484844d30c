package org.ncbgateway.directory;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The roles of SPEC section 1 that run a node. */
public enum NodeRole {
    BUREAU, HUB, SECRETARIAT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
