package org.ncbgateway.routing;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ncbgateway.message.MessageHeader;

/**
 * Passes a message from node to node the way the gateways do, each node deciding alone from the
 * header and the directory ({@link NextHops#plan}), and records every arrival.
 */
final class DeliverySimulation {

    /** How many times the message reached each node (the sender counts once), and who delivered it. */
    record Outcome(Map<String, Integer> arrivals, SortedSet<String> delivered) {
    }

    private DeliverySimulation() {
    }

    static Outcome run(NextHops routing, MessageHeader header) {
        Map<String, Integer> arrivals = new TreeMap<>();
        SortedSet<String> delivered = new TreeSet<>();
        Deque<String> inFlight = new ArrayDeque<>();
        inFlight.add(header.from());
        while (!inFlight.isEmpty()) {
            String node = inFlight.poll();
            arrivals.merge(node, 1, Integer::sum);
            HopPlan plan = routing.plan(node, header);
            // plain checks: assertion builders per hop would make the exhaustive tests slow
            if (!plan.onRoute()) {
                fail("%s received %s but is not on its route", node, header);
            }
            if (plan.hops().stream().anyMatch(plan.visited()::contains)) {
                fail("%s hands back to a visited node: hops %s, visited %s", node, plan.hops(), plan.visited());
            }
            if (!routing.neighbours(node).containsAll(plan.hops())) {
                fail("%s hands to %s, not all neighbours %s", node, plan.hops(), routing.neighbours(node));
            }
            if (plan.deliverHere()) {
                delivered.add(node);
            }
            inFlight.addAll(plan.hops());
        }
        return new Outcome(arrivals, delivered);
    }
}
