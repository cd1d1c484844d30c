package org.ncbgateway.routing;

import java.util.Objects;
import org.ncbgateway.directory.DirectoryNode;
import org.ncbgateway.directory.NodeRole;
import org.ncbgateway.directory.Region;
import org.ncbgateway.message.MessageKind;

/**
 * One entry of a header's {@code to[]} (SPEC section 4): a node code such as {@code FR} or {@code GS},
 * {@code region:<REGION>}, or {@code all}.
 */
public sealed interface AddressSpec permits AddressSpec.Node, AddressSpec.RegionOf, AddressSpec.All {

    String REGION_PREFIX = "region:";
    String ALL = "all";

    /** The text as it appears on the wire. */
    String text();

    /**
     * Whether this address designates {@code node} as a final recipient of a message of {@code kind}.
     * Hubs only relay and are never recipients, and {@code region:X} and {@code all} designate bureaus
     * only, with one exception: a {@code directory-update} is for every node it names, hubs and the
     * secretariat included, since every node must read and apply it.
     */
    boolean includes(DirectoryNode node, MessageKind kind);

    /**
     * @throws AddressingException naming {@code field} when the text is empty or names no region
     */
    static AddressSpec parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new AddressingException(field, "an address must not be empty");
        }
        if (text.equals(ALL)) {
            return new All();
        }
        if (text.startsWith(REGION_PREFIX)) {
            String code = text.substring(REGION_PREFIX.length());
            return new RegionOf(Region.fromCode(code).orElseThrow(() -> new AddressingException(field,
                    "unknown region '" + code + "' (regions: AFRICA, AMERICAS, ASIA, EUROPE, MIDDLE-EAST)")));
        }
        return new Node(text);
    }

    static AddressSpec parse(String text) {
        return parse(text, "address");
    }

    /** A node named by its code. */
    record Node(String code) implements AddressSpec {
        public Node {
            Objects.requireNonNull(code, "code");
        }

        @Override
        public String text() {
            return code;
        }

        @Override
        public boolean includes(DirectoryNode node, MessageKind kind) {
            return node.code().equals(code) && (node.role() != NodeRole.HUB || kind == MessageKind.DIRECTORY_UPDATE);
        }
    }

    /** Every bureau of a region. */
    record RegionOf(Region region) implements AddressSpec {
        public RegionOf {
            Objects.requireNonNull(region, "region");
        }

        @Override
        public String text() {
            return REGION_PREFIX + region.code();
        }

        @Override
        public boolean includes(DirectoryNode node, MessageKind kind) {
            return node.role() == NodeRole.BUREAU && node.region() == region;
        }
    }

    /** Every bureau of the federation; every node for a directory update. */
    record All() implements AddressSpec {
        @Override
        public String text() {
            return ALL;
        }

        @Override
        public boolean includes(DirectoryNode node, MessageKind kind) {
            return node.role() == NodeRole.BUREAU || kind == MessageKind.DIRECTORY_UPDATE;
        }
    }
}
