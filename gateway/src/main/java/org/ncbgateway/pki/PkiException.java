package org.ncbgateway.pki;

/** A PKI input or operation failed: the message names the file or item and the reason. */
public class PkiException extends Exception {

    private static final long serialVersionUID = 1L;

    public PkiException(String message) {
        super(message);
    }

    public PkiException(String message, Throwable cause) {
        super(message, cause);
    }
}
