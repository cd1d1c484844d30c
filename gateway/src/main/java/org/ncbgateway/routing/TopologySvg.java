package org.ncbgateway.routing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ncbgateway.directory.DirectoryNode;
import org.ncbgateway.directory.NodeRole;
import org.ncbgateway.directory.Region;

/**
 * Draws the federation as an SVG picture: one disc per region on a ring, its hub at the centre and
 * its bureaus around it; nodes without a region (the secretariat) in the middle; the hub mesh, the
 * home-hub attachments and the directory's direct links as edges. Every node and link carries an
 * {@code id} ({@code node-FR}, {@code link-ES-MA}) so that tools and tests can find it.
 */
public final class TopologySvg {

    private static final double WIDTH = 1240;
    private static final double HEIGHT = 960;
    private static final double CX = 620;
    private static final double CY = 470;
    private static final double RING = 300;
    private static final List<Region> CLOCKWISE =
            List.of(Region.EUROPE, Region.MIDDLE_EAST, Region.ASIA, Region.AFRICA, Region.AMERICAS);

    private record Point(double x, double y) {
    }

    private final Topology topology;
    private final Map<String, Point> places = new LinkedHashMap<>();
    private final Map<Region, Double> regionRadius = new EnumMap<>(Region.class);
    private final StringBuilder svg = new StringBuilder();

    private TopologySvg(Topology topology) {
        this.topology = topology;
    }

    public static String draw(Topology topology) {
        return new TopologySvg(topology).render();
    }

    private String render() {
        place();
        svg.append(String.format(Locale.ROOT, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>%n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\""
                + " font-family=\"sans-serif\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        text(20, 34, "Federation topology, directory version " + topology.directory().version(), 20, "start",
                "#1b2a41", "bold");
        regions();
        edges();
        nodes();
        legend();
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void place() {
        List<DirectoryNode> unplaced = new ArrayList<>();
        for (int i = 0; i < CLOCKWISE.size(); i++) {
            Region region = CLOCKWISE.get(i);
            double angle = Math.toRadians(-90 + 72 * i);
            Point centre = regionCentre(region);
            List<DirectoryNode> bureaus = new ArrayList<>();
            for (DirectoryNode node : topology.directory().nodes()) {
                if (node.region() == region && node.role() == NodeRole.HUB) {
                    places.put(node.code(), centre);
                } else if (node.region() == region && node.role() == NodeRole.BUREAU) {
                    bureaus.add(node);
                }
            }
            double radius = Math.max(92, bureaus.size() * 10.0);
            regionRadius.put(region, radius + 42);
            around(centre, radius, bureaus, angle);
        }
        for (DirectoryNode node : topology.directory().nodes()) {
            if (!places.containsKey(node.code())) {
                unplaced.add(node);
            }
        }
        around(new Point(CX, CY), unplaced.size() > 1 ? 40 : 0, unplaced, Math.toRadians(90));
    }

    /** Spreads nodes over the outer 200 degrees around {@code outward}, leaving the inner side to the hub mesh. */
    private static Point regionCentre(Region region) {
        double angle = Math.toRadians(-90 + 72 * CLOCKWISE.indexOf(region));
        return new Point(CX + RING * Math.cos(angle), CY + RING * Math.sin(angle));
    }

    private void around(Point centre, double radius, List<DirectoryNode> nodes, double outward) {
        double spread = Math.toRadians(200);
        for (int i = 0; i < nodes.size(); i++) {
            double angle = nodes.size() == 1 ? outward
                    : outward - spread / 2 + spread * i / (nodes.size() - 1);
            places.put(nodes.get(i).code(),
                    new Point(centre.x() + radius * Math.cos(angle), centre.y() + radius * Math.sin(angle)));
        }
    }

    private void regions() {
        for (Region region : CLOCKWISE) {
            double x = regionCentre(region).x();
            double y = regionCentre(region).y();
            double r = regionRadius.get(region);
            svg.append(String.format(Locale.ROOT, "<g class=\"region\" id=\"region-%s\">"
                    + "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#eef3f9\" stroke=\"#b8c7da\"/>",
                    region.code(), x, y, r));
            text(x, y - r - 8, region.code(), 14, "middle", "#5a6b82", "bold");
            svg.append("</g>\n");
        }
    }

    private void edges() {
        List<DirectoryNode> nodes = topology.directory().nodes();
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                String a = nodes.get(i).code();
                String b = nodes.get(j).code();
                if (topology.linked(a, b)) {
                    link(a, b);
                } else if (topology.neighbours(a).contains(b)) {
                    attachment(nodes.get(i), nodes.get(j));
                }
            }
        }
    }

    private void attachment(DirectoryNode a, DirectoryNode b) {
        boolean hubMesh = a.role() == NodeRole.HUB && b.role() == NodeRole.HUB;
        boolean secretariat = a.role() == NodeRole.SECRETARIAT || b.role() == NodeRole.SECRETARIAT;
        String style = hubMesh ? "stroke=\"#6f86a6\" stroke-width=\"2\""
                : secretariat ? "stroke=\"#b08900\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\""
                : "stroke=\"#9aa8ba\" stroke-width=\"1\"";
        Point p = places.get(a.code());
        Point q = places.get(b.code());
        svg.append(String.format(Locale.ROOT, "<line class=\"%s\" id=\"edge-%s-%s\" x1=\"%.1f\" y1=\"%.1f\""
                + " x2=\"%.1f\" y2=\"%.1f\" %s/>%n", hubMesh ? "hub-mesh" : "attachment",
                a.code(), b.code(), p.x(), p.y(), q.x(), q.y(), style));
    }

    /**
     * A direct link bows away from the centre of the picture, or of the region when both ends are in
     * the same one, so that it stays clear of the hubs.
     */
    private void link(String a, String b) {
        Point p = places.get(a);
        Point q = places.get(b);
        Region region = topology.node(a).region();
        Point away = region != null && region == topology.node(b).region() ? regionCentre(region) : new Point(CX, CY);
        double mx = (p.x() + q.x()) / 2;
        double my = (p.y() + q.y()) / 2;
        double dx = mx - away.x();
        double dy = my - away.y();
        double norm = Math.max(1, Math.hypot(dx, dy));
        double bow = 0.18 * Math.hypot(q.x() - p.x(), q.y() - p.y());
        svg.append(String.format(Locale.ROOT, "<path class=\"link\" id=\"link-%s-%s\" d=\"M%.1f,%.1f Q%.1f,%.1f"
                + " %.1f,%.1f\" fill=\"none\" stroke=\"#d9480f\" stroke-width=\"2.5\"/>%n", a, b, p.x(), p.y(),
                mx + bow * dx / norm, my + bow * dy / norm, q.x(), q.y()));
    }

    private void nodes() {
        for (DirectoryNode node : topology.directory().nodes()) {
            Point p = places.get(node.code());
            svg.append(String.format(Locale.ROOT, "<g class=\"node %s\" id=\"node-%s\"><title>%s</title>",
                    node.role().wireName(), escape(node.code()), escape(node.code() + " " + nullToEmpty(node.name()))));
            switch (node.role()) {
                case HUB -> svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\""
                        + " height=\"26\" rx=\"6\" fill=\"#1b2a41\"/>", p.x() - width(node) / 2.0, p.y() - 13,
                        width(node)));
                case SECRETARIAT -> svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"24\""
                        + " fill=\"#ffd43b\" stroke=\"#b08900\" stroke-width=\"3\"/>", p.x(), p.y()));
                case BUREAU -> svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"17\""
                        + " fill=\"#d0e4ff\" stroke=\"#1c5fb8\" stroke-width=\"1.5\"/>", p.x(), p.y()));
            }
            text(p.x(), p.y() + 4.5, node.code(), node.role() == NodeRole.HUB ? 11 : 13, "middle",
                    node.role() == NodeRole.HUB ? "#ffffff" : "#1b2a41", "bold");
            svg.append("</g>\n");
        }
    }

    private static int width(DirectoryNode hub) {
        return 16 + 8 * hub.code().length();
    }

    private void legend() {
        double y = HEIGHT - 70;
        svg.append("<g class=\"legend\">");
        svg.append(String.format(Locale.ROOT, "<line x1=\"20\" y1=\"%.0f\" x2=\"60\" y2=\"%.0f\" stroke=\"#d9480f\""
                + " stroke-width=\"2.5\"/>", y, y));
        text(68, y + 4, "direct link (used when the destination is at its other end)", 12, "start", "#1b2a41",
                "normal");
        svg.append(String.format(Locale.ROOT, "<line x1=\"20\" y1=\"%.0f\" x2=\"60\" y2=\"%.0f\" stroke=\"#6f86a6\""
                + " stroke-width=\"2\"/>", y + 20, y + 20));
        text(68, y + 24, "hub to hub; thin grey: bureau to its home hub", 12, "start", "#1b2a41", "normal");
        svg.append(String.format(Locale.ROOT, "<line x1=\"20\" y1=\"%.0f\" x2=\"60\" y2=\"%.0f\" stroke=\"#b08900\""
                + " stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>", y + 40, y + 40));
        text(68, y + 44, "secretariat to the hubs", 12, "start", "#1b2a41", "normal");
        svg.append("</g>\n");
    }

    private void text(double x, double y, String content, int size, String anchor, String colour, String weight) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\""
                + " fill=\"%s\" font-weight=\"%s\">%s</text>", x, y, size, anchor, colour, weight, escape(content)));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
