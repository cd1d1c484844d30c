package org.ncbgateway.audit;

import java.util.List;

/**
 * The verification of one log on its own.
 *
 * @param log the log folder as given
 * @param node the node that owns it
 * @param entries records read
 * @param head the last entry of the chain
 * @param lastSealSeq seq of the last valid seal entry (0 when none); entries after it are not yet sealed
 */
public record LogAudit(String log, String node, long entries, ChainHead head, long lastSealSeq, int seals,
                       int witnesses, int messagesChecked, List<Finding> findings, List<TimelineEntry> timeline,
                       List<WitnessedHead> witnessed, HashIndex hashes) {

    public long unsealed() {
        return head.seq() - lastSealSeq;
    }
}
