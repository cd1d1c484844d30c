package org.ncbgateway.gateway;

import java.util.List;
import java.util.Optional;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryNode;
import org.ncbgateway.directory.NodeRole;
import org.ncbgateway.routing.NextHops;

/**
 * Who countersigns a node's seals, from the directory alone, so that every node agrees without configuration:
 * a bureau's (or the secretariat's) hub; for a hub, the next hub in the order of their codes, the last one's
 * being the first (the hubs witness each other in a ring, none itself). The witness must be a neighbour of the
 * node (a direct broker link both ways): the seal and the countersignature travel on the bridges.
 */
final class Witnesses {

    private Witnesses() {
    }

    static Optional<String> of(Directory directory, String self) {
        Optional<DirectoryNode> node = directory.node(self);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> witness = node.get().role() == NodeRole.HUB ? nextHub(directory, self)
                : Optional.ofNullable(node.get().hub()).filter(hub -> !hub.equals(self));
        return witness.filter(code -> new NextHops(directory).neighbours(self).contains(code));
    }

    private static Optional<String> nextHub(Directory directory, String self) {
        List<String> hubs = directory.nodes().stream().filter(n -> n.role() == NodeRole.HUB)
                .map(DirectoryNode::code).sorted().toList();
        if (hubs.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(hubs.get((hubs.indexOf(self) + 1) % hubs.size()));
    }
}
