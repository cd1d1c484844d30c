package org.ncbgateway.message;

/** A message failed one of the checks of SPEC section 4; carries the reason code and a detail for operators. */
public class RejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ReasonCode code;

    public RejectedException(ReasonCode code, String detail) {
        super(detail);
        this.code = code;
    }

    public RejectedException(ReasonCode code, String detail, Throwable cause) {
        super(detail, cause);
        this.code = code;
    }

    public ReasonCode code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    @Override
    public String toString() {
        return code + ": " + getMessage();
    }
}
