package org.ncbgateway.audit;

import java.util.Objects;

/**
 * Witnessing refused, with a code and the reason: a witness refusing a seal ({@link #SEAL_REFUSED}), or a node
 * refusing a countersignature that is not for one of its seals ({@link #COUNTERSIGNATURE_REFUSED}). The refused
 * bytes are kept where an operator sees them ({@code ncb.dlq}, with the code and reason as properties).
 */
public final class WitnessRefusedException extends Exception {

    /** A witness refused to countersign a seal. */
    public static final String SEAL_REFUSED = "SEAL_REFUSED";
    /** A node refused a countersignature. */
    public static final String COUNTERSIGNATURE_REFUSED = "COUNTERSIGNATURE_REFUSED";

    private static final long serialVersionUID = 1L;
    private final String code;

    public WitnessRefusedException(String code, String reason) {
        super(reason);
        this.code = Objects.requireNonNull(code, "code");
    }

    public String code() {
        return code;
    }
}
