package org.ncbgateway.cli.audit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.ncbgateway.audit.AuditReport;
import org.ncbgateway.audit.Finding;
import org.ncbgateway.audit.LogAudit;
import org.ncbgateway.audit.LogVerifier;
import org.ncbgateway.audit.ReportHtml;
import org.ncbgateway.audit.ReportJson;
import org.ncbgateway.audit.RootOnlyTrust;
import org.ncbgateway.audit.DirectoriesInForce;
import org.ncbgateway.audit.TrustedSigners;
import org.ncbgateway.audit.WireMessageCheck;
import org.ncbgateway.pki.CertificateTrust;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ncb audit verify}: chain, seals, witnesses, messages and cross-node consistency, offline. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify message logs offline with the federation root: the hash chain, every seal and witness "
                + "countersignature, every message's signature and certificate as at its entry's time, and, given "
                + "several logs, that each message sent to one of them was received there and that witnesses agree.",
                "Exit status: 0 no finding, 1 findings, 2 bad input."})
public final class AuditVerifyCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "LOG", description = "a node's log folder (several for the cross-node check)")
    List<Path> logs;

    @Option(names = "--root", required = true, paramLabel = "ROOT.pem", description = "the federation root certificate")
    Path root;

    @Option(names = "--directories", paramLabel = "DIR",
            description = "the signed directories (*.p7s) of the audited period: each entry is checked under the one "
                    + "in force at its time, with its CRL; without them revocation is not checked")
    Path directories;

    @Option(names = "--json", paramLabel = "FILE", defaultValue = "audit-report.json",
            description = "where to write the JSON report (default: ${DEFAULT-VALUE})")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", defaultValue = "audit-report.html",
            description = "where to write the HTML report with the timeline (default: ${DEFAULT-VALUE})")
    Path html;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            X509Certificate rootCert = LogFolders.certificate(root);
            logs.forEach(LogFolders::requireLog);
            CertificateTrust trust = directories == null ? new RootOnlyTrust(rootCert)
                    : DirectoriesInForce.load(rootCert, directories);
            LogVerifier verifier = new LogVerifier(TrustedSigners.under(trust), new WireMessageCheck(trust));
            AuditReport report = AuditReport.verify(verifier, logs);
            Instant now = Instant.now();
            ReportJson.write(report, now, json);
            ReportHtml.write(report, now, html);
            print(out, report);
            out.printf("reports: %s %s%n", json, html);
            out.flush();
            return report.clean() ? 0 : 1;
        } catch (IllegalArgumentException e) {
            err.println("ncb audit verify: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("ncb audit verify: " + e.getMessage());
            return 2;
        }
    }

    private void print(PrintWriter out, AuditReport report) {
        for (LogAudit log : report.logs()) {
            out.printf("%s: node %s, %d entries, head seq %d, %d seal(s) (%d entries after the last), "
                            + "%d witness countersignature(s), %d seal(s) witnessed for others, %d message(s) verified, "
                            + "%d finding(s)%n",
                    log.log(), log.node(), log.entries(), log.head().seq(), log.seals(), log.unsealed(),
                    log.witnesses(), log.witnessed().size(), log.messagesChecked(), log.findings().size());
        }
        if (report.logs().size() > 1) {
            out.printf("across logs: %d sent or relayed message(s) received at the next hop, %d finding(s)%n",
                    report.matchedAcrossNodes(), report.crossFindings().size());
        }
        List<Finding> findings = report.findings();
        out.println(findings.isEmpty() ? "verified: no findings" : findings.size() + " finding(s):");
        findings.forEach(f -> out.println("  " + f.describe()));
    }
}
