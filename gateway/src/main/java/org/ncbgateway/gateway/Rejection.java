package org.ncbgateway.gateway;

import java.util.Objects;
import java.util.Optional;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.ReasonCode;

/**
 * Why a received message was refused: the reason code and detail of SPEC section 7 and, when the
 * sender was authenticated, the header a {@code rejected} receipt answers.
 */
public record Rejection(ReasonCode code, String detail, Optional<MessageHeader> header) {

    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(header, "header");
    }

    /** Answered only when the sender is authenticated, the code calls for it, and it is no receipt. */
    public boolean answerable() {
        return code.answeredWithReceipt() && header.filter(Receipts::answers).isPresent();
    }
}
