package org.ncbgateway.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The verification of one or several logs, each on its own and against each other. */
public record AuditReport(List<LogAudit> logs, List<Finding> crossFindings, int matchedAcrossNodes) {

    public static AuditReport verify(LogVerifier verifier, List<Path> dirs) throws IOException {
        List<LogAudit> logs = new ArrayList<>();
        for (Path dir : dirs) {
            logs.add(verifier.verify(dir));
        }
        CrossNodeCheck.Result cross = CrossNodeCheck.check(logs);
        return new AuditReport(List.copyOf(logs), cross.findings(), cross.matched());
    }

    /** Every finding, per log in the order given, then by seq. */
    public List<Finding> findings() {
        List<Finding> all = new ArrayList<>();
        logs.forEach(l -> all.addAll(l.findings()));
        all.addAll(crossFindings);
        List<String> order = logs.stream().map(LogAudit::log).toList();
        all.sort(Comparator.comparingInt((Finding f) -> order.indexOf(f.log())).thenComparingLong(Finding::seq));
        return all;
    }

    public boolean clean() {
        return findings().isEmpty();
    }
}
