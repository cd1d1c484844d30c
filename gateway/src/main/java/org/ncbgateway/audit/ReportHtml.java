package org.ncbgateway.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The audit report for people: a summary per log, every finding, and a timeline of all logs' entries. */
public final class ReportHtml {

    /** Beyond this many entries the timeline shows the first ones and says how many it left out. */
    static final int TIMELINE_LIMIT = 10_000;

    private ReportHtml() {
    }

    public static void write(AuditReport report, Instant verifiedAt, Path file) throws IOException {
        Files.writeString(file, render(report, verifiedAt), StandardCharsets.UTF_8);
    }

    static String render(AuditReport report, Instant verifiedAt) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>ncb audit report</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:2px 6px;font-size:90%}.bad{background:#fdd}")
                .append(".ok{color:#070}.seal{background:#eef}.node{font-weight:bold}")
                .append(".bar{display:inline-block;height:8px;background:#47a}</style></head><body>\n")
                .append("<h1>Message log audit</h1>\n<p>Verified at ").append(esc(verifiedAt.toString())).append(": ")
                .append(report.clean() ? "<span class=\"ok\">no findings</span>"
                        : "<strong>" + report.findings().size() + " finding(s)</strong>")
                .append("; ").append(report.matchedAcrossNodes()).append(" sent or relayed message(s) matched by a "
                        + "received entry at the next hop.</p>\n");
        summary(html, report);
        findings(html, report.findings());
        timeline(html, report);
        return html.append("</body></html>\n").toString();
    }

    private static void summary(StringBuilder html, AuditReport report) {
        html.append("<h2>Logs</h2>\n<table><tr><th>log</th><th>node</th><th>entries</th><th>head</th><th>seals</th>")
                .append("<th>unsealed</th><th>witness countersignatures</th><th>messages verified</th>")
                .append("<th>findings</th></tr>\n");
        for (LogAudit log : report.logs()) {
            html.append("<tr").append(log.findings().isEmpty() ? "" : " class=\"bad\"").append("><td>")
                    .append(esc(log.log())).append("</td><td class=\"node\">").append(esc(log.node())).append("</td><td>")
                    .append(log.entries()).append("</td><td>").append(log.head().seq()).append(" <code>")
                    .append(log.head().hashHex(), 0, 16).append("…</code></td><td>").append(log.seals())
                    .append("</td><td>").append(log.unsealed()).append("</td><td>").append(log.witnesses())
                    .append("</td><td>").append(log.messagesChecked()).append("</td><td>").append(log.findings().size())
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void findings(StringBuilder html, List<Finding> findings) {
        html.append("<h2>Findings</h2>\n");
        if (findings.isEmpty()) {
            html.append("<p class=\"ok\">None.</p>\n");
            return;
        }
        html.append("<table><tr><th>log</th><th>seq</th><th>place</th><th>code</th><th>why</th><th>expected</th>")
                .append("<th>actual</th></tr>\n");
        for (Finding f : findings) {
            html.append("<tr class=\"bad\"><td>").append(esc(f.log())).append("</td><td>").append(f.seq())
                    .append("</td><td>").append(esc(f.file() == null ? "" : f.file() + (f.offset() >= 0 ? "@"
                            + f.offset() : ""))).append("</td><td>").append(f.code()).append("</td><td>")
                    .append(esc(f.why())).append("</td><td><code>").append(esc(f.expected())).append("</code></td><td><code>")
                    .append(esc(f.actual())).append("</code></td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void timeline(StringBuilder html, AuditReport report) {
        List<TimelineEntry> all = new ArrayList<>();
        report.logs().forEach(l -> all.addAll(l.timeline()));
        all.sort(Comparator.comparing((TimelineEntry t) -> t.meta().time()).thenComparingLong(TimelineEntry::seq));
        Set<String> bad = new HashSet<>();
        report.findings().forEach(f -> bad.add(f.log() + "#" + f.seq()));
        html.append("<h2>Timeline</h2>\n<p>").append(all.size()).append(" entries of all logs by time")
                .append(all.size() > TIMELINE_LIMIT ? "; the first " + TIMELINE_LIMIT + " shown" : "")
                .append(". The bar shows where in the audited period each entry falls.</p>\n")
                .append("<table><tr><th>time (UTC)</th><th></th><th>node</th><th>seq</th><th>event</th>")
                .append("<th>message</th><th>kind</th><th>peer</th><th>reason</th></tr>\n");
        if (all.isEmpty()) {
            html.append("</table>\n");
            return;
        }
        long first = all.get(0).meta().time().toEpochMilli();
        long span = Math.max(1, all.get(all.size() - 1).meta().time().toEpochMilli() - first);
        for (TimelineEntry t : all.subList(0, Math.min(all.size(), TIMELINE_LIMIT))) {
            EntryMeta m = t.meta();
            boolean isBad = bad.contains(t.log() + "#" + t.seq());
            boolean own = !m.type().isMessageEvent();
            long width = 1 + (m.time().toEpochMilli() - first) * 100 / span;
            html.append("<tr").append(isBad ? " class=\"bad\"" : own ? " class=\"seal\"" : "").append("><td>")
                    .append(esc(m.time().toString())).append("</td><td><span class=\"bar\" style=\"width:")
                    .append(width).append("px\"></span></td><td class=\"node\">").append(esc(m.node()))
                    .append("</td><td>").append(t.seq()).append("</td><td>").append(m.type()).append("</td><td>")
                    .append(esc(m.messageId())).append("</td><td>").append(esc(m.kind())).append("</td><td>")
                    .append(esc(m.peer())).append("</td><td>").append(esc(reason(m))).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static String reason(EntryMeta m) {
        if (m.sealedSeq() != null) {
            return "head seq " + m.sealedSeq();
        }
        if (m.reasonCode() == null) {
            return m.reasonDetail();
        }
        return m.reasonCode() + (m.reasonDetail() == null ? "" : ": " + m.reasonDetail());
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
