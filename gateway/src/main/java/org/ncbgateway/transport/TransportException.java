package org.ncbgateway.transport;

/** A broker could not be started, reached or reconfigured; the message names what and why. */
public class TransportException extends Exception {

    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
