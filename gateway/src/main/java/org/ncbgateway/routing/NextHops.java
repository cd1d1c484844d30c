package org.ncbgateway.routing;

import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.message.MessageHeader;

/**
 * Routing from the point of view of one node (bureau, hub or secretariat): given a signed header,
 * which next hops get the message (SPEC section 6).
 */
public final class NextHops {

    private final Topology topology;

    public NextHops(Directory directory) {
        this(new Topology(directory));
    }

    public NextHops(Topology topology) {
        this.topology = topology;
    }

    public Topology topology() {
        return topology;
    }

    /**
     * @throws AddressingException when the header names a node or region this directory does not know
     */
    public HopPlan plan(String self, MessageHeader header) {
        return plan(self, RouteTree.of(topology, header));
    }

    public static HopPlan plan(String self, RouteTree tree) {
        SortedMap<String, SortedSet<String>> hops = new TreeMap<>();
        for (String child : tree.children(self)) {
            hops.put(child, tree.recipientsVia(child));
        }
        return new HopPlan(self, tree.pathTo(self), tree.recipients().contains(self), hops);
    }

    /** Every node this node may ever hand a message to: where it needs a store-and-forward link. */
    public SortedSet<String> neighbours(String self) {
        return topology.neighbours(self);
    }
}
