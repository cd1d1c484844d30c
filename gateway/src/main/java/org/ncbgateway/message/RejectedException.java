package org.ncbgateway.message;

import java.util.Optional;

/**
 * A message failed one of the checks of SPEC section 4; carries the reason code, a detail for operators
 * and, once the outer layer has authenticated the sender, the header the receipt answers.
 */
public class RejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ReasonCode code;
    private final transient MessageHeader header;

    public RejectedException(ReasonCode code, String detail) {
        this(code, detail, null, null);
    }

    public RejectedException(ReasonCode code, String detail, Throwable cause) {
        this(code, detail, null, cause);
    }

    /** @param header the authenticated header of the rejected message, null when the sender is not authenticated */
    public RejectedException(ReasonCode code, String detail, MessageHeader header, Throwable cause) {
        super(detail, cause);
        this.code = code;
        this.header = header;
    }

    public ReasonCode code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    /** The authenticated header, present exactly when the message passed the outer checks. */
    public Optional<MessageHeader> header() {
        return Optional.ofNullable(header);
    }

    @Override
    public String toString() {
        return code + ": " + getMessage();
    }
}
