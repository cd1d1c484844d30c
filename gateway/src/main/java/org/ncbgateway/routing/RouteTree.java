package org.ncbgateway.routing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.ncbgateway.directory.DirectoryNode;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;

/**
 * The delivery tree of one message: rooted at its sender, reaching every final recipient.
 * Every node computes the same tree from the signed header and the directory, so each knows which
 * nodes the message has visited and where it goes next without trusting any unsigned hint.
 *
 * <p>It is built from the route of each recipient ({@link Topology#path}), shortest first so that
 * direct links win; a route that meets a node already in the tree continues from the last such
 * node. A node therefore has one parent and a message reaches it once, whatever loops the
 * directory's links form.
 */
public final class RouteTree {

    private final String root;
    private final SortedSet<String> recipients;
    private final Map<String, String> parents = new HashMap<>();
    private final Map<String, SortedSet<String>> children = new HashMap<>();

    private RouteTree(String root, SortedSet<String> recipients) {
        this.root = root;
        this.recipients = Collections.unmodifiableSortedSet(recipients);
        children.put(root, new TreeSet<>());
    }

    public static RouteTree of(Topology topology, MessageHeader header) {
        return of(topology, header.kind(), header.from(), header.to(), header.excluded());
    }

    public static RouteTree of(Topology topology, MessageKind kind, String from, List<String> to,
                               List<String> excluded) {
        List<DirectoryNode> resolved = RecipientResolver.resolve(topology.directory(), kind, from, to, excluded);
        RouteTree tree = new RouteTree(from, new TreeSet<>(resolved.stream().map(DirectoryNode::code).toList()));
        List<List<String>> paths = new ArrayList<>();
        for (String recipient : tree.recipients) {
            paths.add(topology.path(from, recipient));
        }
        paths.sort(Comparator.<List<String>>comparingInt(List::size).thenComparing(p -> p.get(p.size() - 1)));
        paths.forEach(tree::graft);
        return tree;
    }

    private void graft(List<String> path) {
        int reached = 0;
        for (int i = path.size() - 1; i > 0; i--) {
            if (contains(path.get(i))) {
                reached = i;
                break;
            }
        }
        for (int i = reached + 1; i < path.size(); i++) {
            String node = path.get(i);
            String parent = path.get(i - 1);
            parents.put(node, parent);
            children.get(parent).add(node);
            children.put(node, new TreeSet<>());
        }
    }

    public String root() {
        return root;
    }

    /** The final recipients, sorted. */
    public SortedSet<String> recipients() {
        return recipients;
    }

    public boolean contains(String code) {
        return children.containsKey(code);
    }

    public Optional<String> parent(String code) {
        return Optional.ofNullable(parents.get(code));
    }

    public SortedSet<String> children(String code) {
        return Collections.unmodifiableSortedSet(children.getOrDefault(code, Collections.emptySortedSet()));
    }

    /** The nodes from the root down to {@code code}, both included; empty when it is not in the tree. */
    public List<String> pathTo(String code) {
        if (!contains(code)) {
            return List.of();
        }
        LinkedList<String> path = new LinkedList<>();
        for (String node = code; node != null; node = parents.get(node)) {
            path.addFirst(node);
        }
        return List.copyOf(path);
    }

    /** The final recipients a message handed to {@code code} reaches: in its subtree, itself included. */
    public SortedSet<String> recipientsVia(String code) {
        SortedSet<String> reached = new TreeSet<>();
        collect(code, reached);
        return reached;
    }

    private void collect(String code, SortedSet<String> reached) {
        if (recipients.contains(code)) {
            reached.add(code);
        }
        children(code).forEach(child -> collect(child, reached));
    }
}
