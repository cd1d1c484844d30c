package org.ncbgateway.message;

/** Why a message was refused (SPEC section 7). The names are normative. */
public enum ReasonCode {
    SIGNATURE_INVALID(false),
    CERT_UNTRUSTED(false),
    CERT_REVOKED(false),
    CERT_EXPIRED(false),
    SENDER_MISMATCH(false),
    NOT_ADDRESSED(true),
    EXPIRED(true),
    DECRYPT_FAILED(true),
    INNER_SIGNATURE_INVALID(true),
    SCHEMA_INVALID(true),
    SEMANTIC_INVALID(true),
    KIND_MISMATCH(true);

    private final boolean answeredWithReceipt;

    ReasonCode(boolean answeredWithReceipt) {
        this.answeredWithReceipt = answeredWithReceipt;
    }

    /**
     * A message that failed before its sender was authenticated gets no receipt: answering an
     * unauthenticated sender would turn the node into a reflector.
     */
    public boolean answeredWithReceipt() {
        return answeredWithReceipt;
    }
}
