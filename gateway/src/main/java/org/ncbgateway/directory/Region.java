package org.ncbgateway.directory;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The regions of SPEC section 1, each served by the hub {@code HUB-<REGION>}. */
public enum Region {
    AFRICA("AFRICA"), AMERICAS("AMERICAS"), ASIA("ASIA"), EUROPE("EUROPE"), MIDDLE_EAST("MIDDLE-EAST");

    private final String code;

    Region(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String hubCode() {
        return "HUB-" + code;
    }

    public static Optional<Region> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
