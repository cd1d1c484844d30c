package org.ncbgateway.routing;

import java.util.Optional;
import java.util.function.Supplier;
import org.ncbgateway.crypto.AddressCheck;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryNode;
import org.ncbgateway.message.MessageHeader;

/**
 * Whether a header addresses this node (SPEC section 4): named directly, by its region or by
 * {@code all}, under the same rules as {@link RecipientResolver}, and not excluded. Reads the
 * directory in force at each call, so a directory update applies without restart. Addresses this
 * node's directory does not know (a newer directory at the sender) address nobody here.
 */
public final class DirectoryAddressCheck implements AddressCheck {

    private final String self;
    private final Supplier<Directory> directory;

    public DirectoryAddressCheck(String self, Supplier<Directory> directory) {
        this.self = self;
        this.directory = directory;
    }

    @Override
    public boolean addresses(MessageHeader header) {
        if (header.from().equals(self) || header.excluded().contains(self)) {
            return false;
        }
        Optional<DirectoryNode> node = directory.get().node(self);
        return node.isPresent() && header.to().stream().anyMatch(text -> designates(text, node.get(), header));
    }

    private static boolean designates(String text, DirectoryNode node, MessageHeader header) {
        try {
            return AddressSpec.parse(text).includes(node, header.kind());
        } catch (AddressingException unknownRegion) {
            return false;
        }
    }
}
