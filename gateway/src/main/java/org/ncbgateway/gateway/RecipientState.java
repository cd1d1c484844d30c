package org.ncbgateway.gateway;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where one recipient of a sent message stands, as its receipts tell the issuer. */
public enum RecipientState {
    PENDING, DELIVERED, REJECTED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
