package org.ncbgateway.gateway;

import java.util.Objects;
import org.ncbgateway.crypto.OpenedMessage;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;

/**
 * A message that passed every check of SPEC section 4, with the wire bytes it arrived as, and the entries of
 * it the message log has not necessarily forced yet (awaited before it is acknowledged).
 */
public record Received(OpenedMessage opened, byte[] wire, LazyEntries lazyEntries) {

    public Received {
        Objects.requireNonNull(opened, "opened");
        Objects.requireNonNull(wire, "wire");
        Objects.requireNonNull(lazyEntries, "lazyEntries");
    }

    Received(OpenedMessage opened, byte[] wire) {
        this(opened, wire, new LazyEntries());
    }

    public MessageHeader header() {
        return opened.header();
    }

    public boolean isReceipt() {
        return header().kind() == MessageKind.RECEIPT;
    }

    public boolean isDirectoryUpdate() {
        return header().kind() == MessageKind.DIRECTORY_UPDATE;
    }
}
