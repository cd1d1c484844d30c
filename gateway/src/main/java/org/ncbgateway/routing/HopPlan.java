package org.ncbgateway.routing;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one node does with a message: whether it is on the message's route at all, the nodes the
 * message visited to get here (sender first, this node last), whether this node is a final
 * recipient, and each next hop with the final recipients reached through it.
 */
public record HopPlan(String self, List<String> visited, boolean deliverHere,
                      SortedMap<String, SortedSet<String>> nextHops) {

    public HopPlan {
        visited = List.copyOf(visited);
        nextHops = Collections.unmodifiableSortedMap(new TreeMap<>(nextHops));
    }

    /** A node that is not on the route neither delivers nor relays: the message reached it by mistake. */
    public boolean onRoute() {
        return !visited.isEmpty();
    }

    public SortedSet<String> hops() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(nextHops.keySet()));
    }
}
