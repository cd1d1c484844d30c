package org.ncbgateway.routing;

import static org.assertj.core.api.Assertions.fail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ncbgateway.routing.Headers.diffusion;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryNode;
import org.ncbgateway.directory.NodeRole;
import org.ncbgateway.directory.Region;
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

    /**
     * Every sender that is not a hub, to {@code all}, each region and each bureau, with no exclusion, one and
     * two: each final recipient gets the message once, and no other node but the hubs on the way.
     */
    static void assertEveryAddressingReachesEachRecipientOnce(NextHops routing, Directory directory) {
        List<List<String>> addressings = new ArrayList<>();
        addressings.add(List.of("all"));
        for (Region region : Region.values()) {
            addressings.add(List.of("region:" + region.code()));
        }
        directory.nodes().stream().filter(n -> n.role() == NodeRole.BUREAU).forEach(n -> addressings.add(
                List.of(n.code())));
        int checked = 0;
        for (DirectoryNode sender : directory.nodes()) {
            if (sender.role() == NodeRole.HUB) {
                continue;
            }
            for (List<String> to : addressings) {
                for (List<String> excluded : exclusions(directory, sender.code())) {
                    MessageHeader header = diffusion(sender.code(), to, excluded);
                    Set<String> expected;
                    try {
                        expected = new TreeSet<>(RecipientResolver.codes(directory, header));
                    } catch (AddressingException nobodyLeft) {
                        continue;
                    }
                    DeliverySimulation.Outcome outcome = DeliverySimulation.run(routing, header);
                    Map<String, Integer> arrivals = outcome.arrivals();
                    if (arrivals.values().stream().anyMatch(n -> n != 1) || !outcome.delivered().equals(expected)
                            || excluded.stream().anyMatch(arrivals::containsKey)) {
                        fail("%s to %s minus %s: arrivals %s, delivered %s, expected %s", sender.code(), to,
                                excluded, arrivals, outcome.delivered(), expected);
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    private static List<List<String>> exclusions(Directory directory, String sender) {
        List<String> bureaus = directory.nodes().stream()
                .filter(n -> n.role() == NodeRole.BUREAU && !n.code().equals(sender)).map(DirectoryNode::code).toList();
        return List.of(List.of(), List.of(bureaus.get(0)), List.of(bureaus.get(1), bureaus.get(bureaus.size() - 1)));
    }
}
