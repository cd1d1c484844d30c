package org.ncbgateway.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What only several logs together show: a witness's countersigned heads against the sealed node's chain
 * (truncation, rewrite), and every message sent or relayed to a node whose log is given, received there.
 */
final class CrossNodeCheck {

    private CrossNodeCheck() {
    }

    /** The cross-node findings, and how many sent or relayed messages were found received at their next hop. */
    record Result(List<Finding> findings, int matched) {
    }

    static Result check(List<LogAudit> logs) {
        Map<String, LogAudit> byNode = new HashMap<>();
        logs.stream().filter(l -> l.node() != null).forEach(l -> byNode.put(l.node(), l));
        List<Finding> findings = new ArrayList<>();
        for (LogAudit witness : logs) {
            for (WitnessedHead head : witness.witnessed()) {
                LogAudit sealed = byNode.get(head.node());
                if (sealed != null) {
                    witnessAgrees(sealed, head).ifPresent(findings::add);
                }
            }
        }
        int[] matched = {0};
        for (LogAudit sender : logs) {
            findings.addAll(unreceived(sender, byNode, matched));
        }
        return new Result(findings, matched[0]);
    }

    private static java.util.Optional<Finding> witnessAgrees(LogAudit sealed, WitnessedHead witnessed) {
        long seq = witnessed.head().seq();
        byte[] chain = sealed.hashes().get(seq);
        String where = "witness " + witnessed.witness() + " (" + witnessed.entry().log() + " seq "
                + witnessed.entry().seq() + ")";
        if (chain == null) {
            long end = sealed.head().seq();
            return java.util.Optional.of(new Finding(sealed.log(), Math.min(seq, end + 1), null, -1,
                    FindingCode.WITNESS_DISAGREES, "log truncated: it ends at seq " + end + " but " + where
                    + " countersigned its seal of seq " + seq, "seq " + seq + " " + witnessed.head().hashHex(),
                    "log ends at seq " + end));
        }
        if (!Arrays.equals(chain, witnessed.head().hash())) {
            long agreedUpTo = lastAgreeing(sealed, witnessed.witness());
            return java.util.Optional.of(new Finding(sealed.log(), seq, null, -1, FindingCode.WITNESS_DISAGREES,
                    "log rewritten after its seal: " + where + " countersigned another hash for seq " + seq
                    + (agreedUpTo > 0 ? "; the last head the witness agrees with is seq " + agreedUpTo : ""),
                    witnessed.head().hashHex(), java.util.HexFormat.of().formatHex(chain)));
        }
        return java.util.Optional.empty();
    }

    private static long lastAgreeing(LogAudit sealed, String witness) {
        return sealed.timeline().stream()
                .filter(t -> t.meta().type() == EntryType.WITNESS && witness.equals(t.meta().peer()))
                .filter(t -> Arrays.equals(sealed.hashes().get(t.meta().sealedSeq()),
                        java.util.HexFormat.of().parseHex(t.meta().sealedHash())))
                .mapToLong(t -> t.meta().sealedSeq()).max().orElse(0);
    }

    private static List<Finding> unreceived(LogAudit sender, Map<String, LogAudit> byNode, int[] matched) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Set<String>> receivedFrom = new HashMap<>();
        for (TimelineEntry entry : sender.timeline()) {
            EntryType type = entry.meta().type();
            if (type != EntryType.SENT && type != EntryType.RELAYED) {
                continue;
            }
            LogAudit destination = byNode.get(entry.meta().peer());
            if (destination == null) {
                continue;
            }
            Set<String> received = receivedFrom.computeIfAbsent(destination.node(), n -> receivedIds(destination));
            if (received.contains(entry.meta().messageId())) {
                matched[0]++;
            } else {
                findings.add(new Finding(sender.log(), entry.seq(), entry.place().split("@")[0],
                        Long.parseLong(entry.place().split("@")[1]), FindingCode.SENT_NOT_RECEIVED,
                        "message " + entry.meta().messageId() + " " + type + " to " + entry.meta().peer()
                        + " is not received in " + destination.log(), "received at " + entry.meta().peer(),
                        "absent"));
            }
        }
        return findings;
    }

    private static Set<String> receivedIds(LogAudit destination) {
        Set<String> ids = new HashSet<>();
        destination.timeline().stream().filter(t -> t.meta().type() == EntryType.RECEIVED)
                .forEach(t -> ids.add(t.meta().messageId()));
        return ids;
    }
}
