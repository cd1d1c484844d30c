package org.ncbgateway.routing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryNode;
import org.ncbgateway.directory.NodeRole;

/**
 * The graph the federation routes over, derived from the directory (SPEC section 6): every node is
 * adjacent to its home hub, hubs to each other, a node without a home hub (the secretariat, usually)
 * to every hub, and two nodes to each other when either lists the other in {@code links}.
 */
public final class Topology {

    private final Directory directory;
    private final Map<String, DirectoryNode> nodes = new HashMap<>();
    private final Map<String, String> homeHubs = new HashMap<>();
    private final Map<String, SortedSet<String>> adjacency = new HashMap<>();
    private final Map<String, SortedSet<String>> links = new HashMap<>();

    public Topology(Directory directory) {
        this.directory = directory;
        for (DirectoryNode node : directory.nodes()) {
            nodes.put(node.code(), node);
            adjacency.put(node.code(), new TreeSet<>());
            links.put(node.code(), new TreeSet<>());
        }
        for (DirectoryNode node : directory.nodes()) {
            homeHubOf(node).ifPresent(hub -> homeHubs.put(node.code(), hub));
            for (String peer : node.links()) {
                requireNode(peer, "directory: node " + node.code() + " links[]");
                link(links, node.code(), peer);
            }
        }
        List<String> hubs = hubs();
        for (DirectoryNode node : directory.nodes()) {
            if (node.role() == NodeRole.HUB) {
                hubs.forEach(other -> link(adjacency, node.code(), other));
            } else if (homeHubs.containsKey(node.code())) {
                link(adjacency, node.code(), homeHubs.get(node.code()));
            } else {
                hubs.forEach(hub -> link(adjacency, node.code(), hub));
            }
        }
        links.forEach((code, peers) -> peers.forEach(peer -> link(adjacency, code, peer)));
    }

    public Directory directory() {
        return directory;
    }

    public DirectoryNode node(String code) {
        return requireNode(code, "node");
    }

    /** The hub a node routes through: itself for a hub, empty for a node served by no hub. */
    public Optional<String> homeHub(String code) {
        return node(code).role() == NodeRole.HUB ? Optional.of(code) : Optional.ofNullable(homeHubs.get(code));
    }

    public boolean linked(String a, String b) {
        return links.getOrDefault(a, Collections.emptySortedSet()).contains(b);
    }

    /** Every node this node may hand a message to: the only places it needs a bridge to. */
    public SortedSet<String> neighbours(String code) {
        node(code);
        return Collections.unmodifiableSortedSet(adjacency.get(code));
    }

    /**
     * The route from {@code from} to {@code to}, along which only hubs relay: straight to a neighbour (a
     * direct link, a node's hub, another hub); else through one hub neighbour of both, the destination's
     * hub first (a region's bureaus are reached through their hub); else from a hub of the sender, its
     * home hub first, across the hub mesh to a hub of the destination, its home hub first.
     *
     * @throws AddressingException when no hub serves one of them and no link joins them
     */
    public List<String> path(String from, String to) {
        node(from);
        node(to);
        if (from.equals(to)) {
            return List.of(from);
        }
        if (neighbours(from).contains(to)) {
            return List.of(from, to);
        }
        List<String> fromHubs = relaysOf(from);
        List<String> toHubs = relaysOf(to);
        for (String hub : toHubs) {
            if (neighbours(from).contains(hub)) {
                return List.of(from, hub, to);
            }
        }
        for (String first : fromHubs) {
            for (String last : toHubs) {
                if (!first.equals(last)) {
                    return List.of(from, first, last, to);
                }
            }
        }
        throw new AddressingException("to", "no route from " + from + " to " + to + " in directory version "
                + directory.version() + ": no link joins them and no hub serves "
                + (fromHubs.isEmpty() ? from : to));
    }

    /** The hubs that may relay for a node: its neighbours that are hubs, its home hub first. */
    private List<String> relaysOf(String code) {
        List<String> hubs = new ArrayList<>();
        homeHub(code).filter(hub -> !hub.equals(code)).ifPresent(hubs::add);
        for (String peer : neighbours(code)) {
            if (nodes.get(peer).role() == NodeRole.HUB && !hubs.contains(peer)) {
                hubs.add(peer);
            }
        }
        return hubs;
    }

    private List<String> hubs() {
        return directory.nodes().stream().filter(n -> n.role() == NodeRole.HUB).map(DirectoryNode::code).toList();
    }

    private Optional<String> homeHubOf(DirectoryNode node) {
        if (node.role() == NodeRole.HUB) {
            return Optional.empty();
        }
        if (node.hub() != null) {
            DirectoryNode hub = requireNode(node.hub(), "directory: node " + node.code() + " hub");
            if (hub.role() != NodeRole.HUB) {
                throw new AddressingException("directory: node " + node.code() + " hub",
                        node.hub() + " is a " + hub.role().wireName() + ", not a hub");
            }
            return Optional.of(hub.code());
        }
        if (node.region() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(nodes.get(node.region().hubCode())).filter(n -> n.role() == NodeRole.HUB).map(DirectoryNode::code);
    }

    private DirectoryNode requireNode(String code, String field) {
        DirectoryNode node = nodes.get(code);
        if (node == null) {
            throw new AddressingException(field, "'" + code + "' is not a node of directory version "
                    + directory.version());
        }
        return node;
    }

    private static void link(Map<String, SortedSet<String>> graph, String a, String b) {
        if (!a.equals(b)) {
            graph.get(a).add(b);
            graph.get(b).add(a);
        }
    }
}
