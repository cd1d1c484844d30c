package org.ncbgateway.crypto;

import java.util.Objects;
import org.ncbgateway.message.MessageHeader;

/**
 * The message id was accepted before (SPEC section 7): not a rejection, the copy is dropped silently and
 * counted, with no receipt. Distinct from {@code RejectedException} so that no caller answers it by mistake.
 */
public final class DuplicateMessageException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient MessageHeader header;

    public DuplicateMessageException(MessageHeader header) {
        super("message " + header.messageId() + " from " + header.from() + " was accepted before");
        this.header = Objects.requireNonNull(header, "header");
    }

    public MessageHeader header() {
        return header;
    }
}
