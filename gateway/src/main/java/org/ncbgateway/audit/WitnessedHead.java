package org.ncbgateway.audit;

/** A head of another node's log that this log's owner countersigned as witness ({@code witnessed} entry). */
public record WitnessedHead(String witness, String node, ChainHead head, TimelineEntry entry) {
}
