package org.ncbgateway.gateway;

import java.util.Objects;
import org.ncbgateway.crypto.OpenedMessage;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;

/** A message that passed every check of SPEC section 4, with the wire bytes it arrived as. */
public record Received(OpenedMessage opened, byte[] wire) {

    public Received {
        Objects.requireNonNull(opened, "opened");
        Objects.requireNonNull(wire, "wire");
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
