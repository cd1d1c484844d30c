package org.ncbgateway.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The message kinds of SPEC section 2, by their wire names. */
public enum MessageKind {
    DIFFUSION("diffusion"),
    NOTICE_REQUEST("notice-request"),
    REVIEW_DECISION("review-decision"),
    NOTICE("notice"),
    UPDATE("update"),
    CANCELLATION("cancellation"),
    HIT("hit"),
    RECEIPT("receipt"),
    DIRECTORY_UPDATE("directory-update");

    private final String wireName;

    MessageKind(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<MessageKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }

    @JsonCreator
    static MessageKind parse(String name) {
        return fromWireName(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown message kind '" + name + "'"));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
