package org.ncbgateway.gateway;

/** A submission that cannot be sent as it is; the message names the file, the place and the reason. */
public class SubmissionException extends Exception {

    private static final long serialVersionUID = 1L;

    public SubmissionException(String message) {
        super(message);
    }

    public SubmissionException(String message, Throwable cause) {
        super(message, cause);
    }
}
