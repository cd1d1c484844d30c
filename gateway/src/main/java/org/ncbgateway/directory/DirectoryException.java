package org.ncbgateway.directory;

/** A directory was refused; {@link #reason()} says which rule of SPEC section 6 it broke. */
public class DirectoryException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a directory was refused. */
    public enum Reason {
        /** Not a CMS SignedData with the directory JSON encapsulated, or the JSON is not a valid directory. */
        MALFORMED,
        /** A SignedData without any signer. */
        UNSIGNED,
        /** Signed, but not by the federation root. */
        NOT_SIGNED_BY_ROOT,
        /** The root's signature does not verify: the content or the signature was altered. */
        SIGNATURE_INVALID,
        /** {@code version} is not newer than the directory in force. */
        NOT_NEWER,
        /** {@code validUntil} has passed. */
        EXPIRED
    }

    private final Reason reason;

    public DirectoryException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public DirectoryException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String toString() {
        return reason + ": " + getMessage();
    }
}
