package org.ncbgateway.routing;

/**
 * An address of a header or command line cannot be resolved against the directory: names the
 * field ({@code to[2]}, {@code excluded[0]}, {@code from}) and the reason.
 */
public class AddressingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public AddressingException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
