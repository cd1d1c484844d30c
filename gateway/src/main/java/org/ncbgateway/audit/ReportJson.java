package org.ncbgateway.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.ncbgateway.json.StrictJson;

/** The machine-readable audit report: per log a summary and its findings, then the cross-node findings. */
public final class ReportJson {

    private static final ObjectMapper JSON = StrictJson.mapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    public static ObjectNode toJson(AuditReport report, Instant verifiedAt) {
        ObjectNode root = JSON.createObjectNode();
        root.put("verifiedAt", verifiedAt.toString());
        root.put("clean", report.clean());
        root.put("findingCount", report.findings().size());
        ArrayNode logs = root.putArray("logs");
        for (LogAudit log : report.logs()) {
            ObjectNode l = logs.addObject();
            l.put("log", log.log());
            l.put("node", log.node());
            l.put("entries", log.entries());
            l.put("headSeq", log.head().seq());
            l.put("headHash", log.head().hashHex());
            l.put("seals", log.seals());
            l.put("lastSealSeq", log.lastSealSeq());
            l.put("unsealedEntries", log.unsealed());
            l.put("witnessCountersignatures", log.witnesses());
            l.put("sealsWitnessedForOthers", log.witnessed().size());
            l.put("messagesVerified", log.messagesChecked());
            l.set("findings", JSON.valueToTree(log.findings()));
        }
        ObjectNode cross = root.putObject("crossNode");
        cross.put("sentMatchedByReceived", report.matchedAcrossNodes());
        cross.set("findings", JSON.valueToTree(report.crossFindings()));
        return root;
    }

    public static void write(AuditReport report, Instant verifiedAt, Path file) throws IOException {
        JSON.writeValue(file.toFile(), toJson(report, verifiedAt));
    }
}
