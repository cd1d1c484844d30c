package org.ncbgateway.transport;

/**
 * Message properties of SPEC section 5 and of the dead-letter queue. They are routing hints only:
 * a node trusts what is signed, never a property.
 */
public final class MessageProperties {

    /** The header's {@code messageId} (UUID text). */
    public static final String MESSAGE_ID = "ncbMessageId";
    /** The header's {@code from} node code. */
    public static final String FROM = "ncbFrom";
    /** The header's {@code kind}. */
    public static final String KIND = "ncbKind";
    /**
     * Artemis' duplicate-detection property, set to the {@code messageId} so that every broker on the
     * way drops a second copy ({@code org.apache.activemq.artemis.api.core.Message.HDR_DUPLICATE_DETECTION_ID}).
     */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    /** On a message in {@code ncb.dlq}: the SPEC section 7 reason code. */
    public static final String REASON_CODE = "ncbReasonCode";
    /** On a message in {@code ncb.dlq}: a human-readable detail of the reason. */
    public static final String REASON_DETAIL = "ncbReasonDetail";
    /**
     * The federation's extension for witnessing (docs/message-log.md): {@code seal} on a node's seal bound for
     * its witness, {@code countersignature} on the witness's answer. Absent on the messages of SPEC section 5.
     */
    public static final String WITNESS = "ncbWitness";
    /**
     * Set by the receiving broker itself to the node its sender authenticated as (the TLS certificate's node, or
     * this node for an in-VM client); whatever a sender puts there is overwritten
     * ({@code org.apache.activemq.artemis.api.core.Message.HDR_VALIDATED_USER}).
     */
    public static final String VALIDATED_USER = "_AMQ_VALIDATED_USER";

    private MessageProperties() {
    }
}
