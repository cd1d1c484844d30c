package org.ncbgateway.crypto;

import org.ncbgateway.message.MessageHeader;

/** Whether this node is addressed by a header: directly, by its region or by {@code all}, and not excluded. */
@FunctionalInterface
public interface AddressCheck {

    boolean addresses(MessageHeader header);
}
