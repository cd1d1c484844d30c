package org.ncbgateway.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An SVG chart of latency against offered load: one colour per recipient count, p99 as a solid line and
 * p50 dashed; offered load on a logarithmic axis (loads span two orders of magnitude), latency linear.
 */
final class LatencyChart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 440;
    private static final int LEFT = 70;
    private static final int RIGHT = 260;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"};

    private final List<BenchReport.Latency> points;
    private final double minLoad;
    private final double maxLoad;
    private final double maxMillis;

    LatencyChart(List<BenchReport.Latency> points) {
        this.points = List.copyOf(points);
        this.minLoad = points.stream().mapToDouble(BenchReport.Latency::offered).min().orElse(1);
        this.maxLoad = Math.max(minLoad * 10, points.stream().mapToDouble(BenchReport.Latency::offered).max().orElse(10));
        this.maxMillis = niceCeiling(points.stream().mapToDouble(BenchReport.Latency::p99).max().orElse(1));
    }

    String svg(String title) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(LEFT, 22, "start", 14, escape(title)));
        axes(svg);
        int series = 0;
        for (Map.Entry<String, List<BenchReport.Latency>> line : byWorkload().entrySet()) {
            String colour = COLOURS[series % COLOURS.length];
            polyline(svg, line.getValue(), true, colour);
            polyline(svg, line.getValue(), false, colour);
            int y = TOP + 20 + series * 36;
            int x = WIDTH - RIGHT + 20;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"2\"/>%n", x, y, x + 24, y, colour));
            svg.append(text(x + 30, y + 4, "start", 12, escape(line.getKey()) + " p99"));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"2\" stroke-dasharray=\"5,4\"/>%n", x, y + 16, x + 24, y + 16, colour));
            svg.append(text(x + 30, y + 20, "start", 12, escape(line.getKey()) + " p50"));
            series++;
        }
        return svg.append("</svg>\n").toString();
    }

    /** Points grouped by series ("notice, 10 recipients"), each sorted by offered load. */
    private Map<String, List<BenchReport.Latency>> byWorkload() {
        Map<String, List<BenchReport.Latency>> series = new TreeMap<>();
        for (BenchReport.Latency point : points) {
            series.computeIfAbsent(String.format(Locale.ROOT, "%s, %d recipient%s", point.workload(),
                    point.recipients(), point.recipients() == 1 ? "" : "s"), k -> new ArrayList<>()).add(point);
        }
        series.values().forEach(list -> list.sort((a, b) -> Double.compare(a.offered(), b.offered())));
        return series;
    }

    private void axes(StringBuilder svg) {
        int bottom = HEIGHT - BOTTOM;
        int right = WIDTH - RIGHT;
        svg.append(String.format(Locale.ROOT, "<path d=\"M%d %d V%d H%d\" fill=\"none\" stroke=\"black\"/>%n",
                LEFT, TOP, bottom, right));
        for (double load = Math.pow(10, Math.floor(Math.log10(minLoad))); load <= maxLoad * 1.0001; load *= 10) {
            for (int step : new int[] {1, 2, 5}) {
                double tick = load * step;
                if (tick >= minLoad / 1.0001 && tick <= maxLoad * 1.0001) {
                    double x = x(tick);
                    svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                            + "stroke=\"#ddd\"/>%n", x, TOP, x, bottom));
                    svg.append(text(x, bottom + 16, "middle", 11, String.format(Locale.ROOT, "%.0f", tick)));
                }
            }
        }
        for (int i = 0; i <= 5; i++) {
            double millis = maxMillis * i / 5;
            double y = y(millis);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, y, right, y));
            svg.append(text(LEFT - 6, y + 4, "end", 11, tick(millis)));
        }
        svg.append(text((LEFT + right) / 2.0, HEIGHT - 12, "middle", 12, "offered load (notices per second, log scale)"));
        svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"12\" "
                + "transform=\"rotate(-90 16 %.1f)\">latency (ms)</text>%n", (TOP + bottom) / 2.0, (TOP + bottom) / 2.0));
    }

    private void polyline(StringBuilder svg, List<BenchReport.Latency> line, boolean p99, String colour) {
        StringBuilder coordinates = new StringBuilder();
        for (BenchReport.Latency point : line) {
            coordinates.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(point.offered()),
                    y(p99 ? point.p99() : point.p50())));
        }
        svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                coordinates.toString().trim(), colour, p99 ? "" : " stroke-dasharray=\"5,4\""));
        // a marker on every measured point: a series of one load is a point, not an invisible line
        for (BenchReport.Latency point : line) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                    x(point.offered()), y(p99 ? point.p99() : point.p50()), p99 ? colour : "white\" stroke=\"" + colour));
        }
    }

    private double x(double load) {
        double span = Math.log10(maxLoad) - Math.log10(minLoad);
        return LEFT + (WIDTH - RIGHT - LEFT) * (Math.log10(load) - Math.log10(minLoad)) / span;
    }

    private double y(double millis) {
        return HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * Math.min(millis, maxMillis) / maxMillis;
    }

    /** A latency tick label: whole milliseconds, or as many decimals as a sub-millisecond axis needs. */
    private String tick(double millis) {
        if (maxMillis >= 5 || millis == 0) {
            return String.format(Locale.ROOT, "%.0f", millis);
        }
        return new java.math.BigDecimal(millis).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
    }

    /** 1, 2 or 5 times a power of ten, at or above {@code value}. */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (int step : new int[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String text(double x, double y, String anchor, int size, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
                x, y, anchor, size, content);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
