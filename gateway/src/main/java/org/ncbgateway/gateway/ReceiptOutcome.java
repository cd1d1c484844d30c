package org.ncbgateway.gateway;

import java.util.Objects;
import java.util.Optional;
import org.ncbgateway.message.ReasonCode;

/** What a receipt says: delivered, or rejected with a reason code and detail. */
public record ReceiptOutcome(RecipientState state, Optional<ReasonCode> code, Optional<String> detail) {

    public ReceiptOutcome {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
        if (state == RecipientState.PENDING) {
            throw new IllegalArgumentException("a receipt is delivered or rejected, never pending");
        }
        if ((state == RecipientState.REJECTED) != code.isPresent()) {
            throw new IllegalArgumentException("a reason code goes with a rejected receipt, and only with it");
        }
    }

    public static ReceiptOutcome delivered() {
        return new ReceiptOutcome(RecipientState.DELIVERED, Optional.empty(), Optional.empty());
    }

    public static ReceiptOutcome rejected(ReasonCode code, String detail) {
        return new ReceiptOutcome(RecipientState.REJECTED, Optional.of(code), Optional.ofNullable(detail));
    }
}
