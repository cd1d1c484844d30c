package org.ncbgateway.gateway;

import java.util.Objects;
import java.util.Optional;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.ReasonCode;

/**
 * Why a received message was refused by node {@code refusedBy}: the reason code and detail of SPEC section 7
 * and, when the sender was authenticated, the header a {@code rejected} receipt answers.
 */
public record Rejection(ReasonCode code, String detail, Optional<MessageHeader> header, String refusedBy) {

    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(refusedBy, "refusedBy");
    }

    /**
     * Answered only when the sender is authenticated, the code calls for it, it is no receipt, and the sender is
     * another node: a receipt to this node itself has no next hop, and would fail the refusal it reports.
     */
    public boolean answerable() {
        return code.answeredWithReceipt() && header.filter(Receipts::answers)
                .filter(h -> !h.from().equals(refusedBy)).isPresent();
    }
}
