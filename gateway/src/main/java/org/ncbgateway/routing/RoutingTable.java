package org.ncbgateway.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.ncbgateway.directory.DirectoryNode;
import org.ncbgateway.directory.Region;
import org.ncbgateway.message.MessageKind;

/**
 * The routing table of one node: for every other node, its region and {@code all}, the next hops a
 * message from this node takes and the route it follows, as {@code ncb directory routes} prints it.
 */
public final class RoutingTable {

    /** One destination: the next hops from the origin, the route (for a node) and the final recipients. */
    public record Row(String destination, SortedSet<String> nextHops, List<String> route, SortedSet<String> reaches,
                      String why) {
    }

    private RoutingTable() {
    }

    public static List<Row> from(Topology topology, String origin) {
        topology.node(origin);
        List<Row> rows = new ArrayList<>();
        topology.directory().nodes().stream()
                .filter(n -> !n.code().equals(origin))
                .sorted(Comparator.comparing((DirectoryNode n) -> n.role().ordinal()).thenComparing(DirectoryNode::code))
                .forEach(n -> rows.add(toNode(topology, origin, n.code())));
        for (Region region : Region.values()) {
            fanOut(topology, origin, AddressSpec.REGION_PREFIX + region.code()).ifPresent(rows::add);
        }
        fanOut(topology, origin, AddressSpec.ALL).ifPresent(rows::add);
        return rows;
    }

    private static Row toNode(Topology topology, String origin, String destination) {
        List<String> route = topology.path(origin, destination);
        String why = topology.linked(origin, destination) ? "direct link"
                : route.size() == 2 ? "neighbour" : "through " + String.join(", ", route.subList(1, route.size() - 1));
        return new Row(destination, new TreeSet<>(List.of(route.get(1))), route,
                new TreeSet<>(List.of(destination)), why);
    }

    /** A region or {@code all} as a diffusion addresses it; absent when it would reach nobody. */
    private static Optional<Row> fanOut(Topology topology, String origin, String address) {
        RouteTree tree;
        try {
            tree = RouteTree.of(topology, MessageKind.DIFFUSION, origin, List.of(address), List.of());
        } catch (AddressingException nobody) {
            return Optional.empty();
        }
        return Optional.of(new Row(address, tree.children(origin), List.of(), tree.recipients(),
                tree.recipients().size() + " bureau(s), fanned out at the hubs"));
    }
}
