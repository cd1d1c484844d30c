package org.ncbgateway.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryNode;
import org.ncbgateway.directory.NodeRole;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;

/**
 * Resolves the addressees of a message to its final recipients, the nodes whose encryption
 * certificates the middle layer is sealed for (SPEC sections 4 and 6).
 *
 * <ul>
 *   <li>a node code is that node: a bureau, or {@code GS} (a {@code notice-request}, a receipt to the
 *       secretariat);</li>
 *   <li>{@code region:X} is every bureau of X, {@code all} every bureau of the federation;</li>
 *   <li>hubs only relay and are never recipients, with one exception: a {@code directory-update}
 *       (sent by {@code GS} on behalf of the offline root, addressed to {@code all}) is for every node,
 *       hubs and secretariat included, since every node must read and apply it;</li>
 *   <li>a {@code notice-request} goes to the secretariat alone: publishing is its decision;</li>
 *   <li>the sender and every {@code excluded} bureau are removed.</li>
 * </ul>
 * An unknown node or region, an excluded node that is not a bureau, or an empty result is an error
 * naming the field: a misspelt exclusion must never silently widen a diffusion.
 */
public final class RecipientResolver {

    private RecipientResolver() {
    }

    public static List<DirectoryNode> resolve(Directory directory, MessageHeader header) {
        return resolve(directory, header.kind(), header.from(), header.to(), header.excluded());
    }

    /** The final recipients, sorted by node code. */
    public static List<DirectoryNode> resolve(Directory directory, MessageKind kind, String from,
                                              List<String> to, List<String> excluded) {
        if (directory.node(from).isEmpty()) {
            throw unknownNode(directory, "from", from);
        }
        Set<String> excludedCodes = excludedBureaus(directory, excluded);
        Set<DirectoryNode> recipients = new TreeSet<>(Comparator.comparing(DirectoryNode::code));
        for (int i = 0; i < to.size(); i++) {
            recipients.addAll(designated(directory, kind, to.get(i), "to[" + i + "]"));
        }
        recipients.removeIf(n -> n.code().equals(from) || excludedCodes.contains(n.code()));
        if (recipients.isEmpty()) {
            throw new AddressingException("to", "no recipient left once the sender " + from
                    + " and the excluded bureaus " + excludedCodes + " are removed from " + to);
        }
        return List.copyOf(recipients);
    }

    /** The codes of the final recipients, sorted. */
    public static List<String> codes(Directory directory, MessageHeader header) {
        return resolve(directory, header).stream().map(DirectoryNode::code).toList();
    }

    private static List<DirectoryNode> designated(Directory directory, MessageKind kind, String text, String field) {
        AddressSpec spec = AddressSpec.parse(text, field);
        if (kind == MessageKind.NOTICE_REQUEST && !isSecretariat(directory, spec)) {
            throw new AddressingException(field, "a notice-request is addressed to the secretariat alone, not to "
                    + text);
        }
        if (spec instanceof AddressSpec.Node named) {
            DirectoryNode node = directory.node(named.code()).orElseThrow(() -> unknownNode(directory, field, text));
            if (!spec.includes(node, kind)) {
                throw new AddressingException(field, text + " is a hub: hubs relay and are never recipients"
                        + " (except of a directory-update)");
            }
            return List.of(node);
        }
        List<DirectoryNode> nodes = new ArrayList<>();
        for (DirectoryNode node : directory.nodes()) {
            if (spec.includes(node, kind)) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    private static boolean isSecretariat(Directory directory, AddressSpec spec) {
        return spec instanceof AddressSpec.Node named
                && directory.node(named.code()).filter(n -> n.role() == NodeRole.SECRETARIAT).isPresent();
    }

    private static Set<String> excludedBureaus(Directory directory, List<String> excluded) {
        Set<String> codes = new TreeSet<>();
        for (int i = 0; i < excluded.size(); i++) {
            String field = "excluded[" + i + "]";
            String code = excluded.get(i);
            DirectoryNode node = directory.node(code).orElseThrow(() -> unknownNode(directory, field, code));
            if (node.role() != NodeRole.BUREAU) {
                throw new AddressingException(field, code + " is a " + node.role().wireName()
                        + ": only bureaus can be excluded");
            }
            codes.add(code);
        }
        return codes;
    }

    private static AddressingException unknownNode(Directory directory, String field, String code) {
        return new AddressingException(field, "'" + code + "' is not a node of directory version "
                + directory.version());
    }
}
