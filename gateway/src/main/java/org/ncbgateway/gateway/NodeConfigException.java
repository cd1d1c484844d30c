package org.ncbgateway.gateway;

/** A node configuration that cannot be used; the message names the file or variable and the key. */
public class NodeConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NodeConfigException(String message) {
        super(message);
    }

    public NodeConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
