package org.ncbgateway.audit;

/** An entry of a verified log, without its bytes: for the timeline, the cross-node check and `audit show`. */
public record TimelineEntry(String log, long seq, String place, EntryMeta meta) {
}
