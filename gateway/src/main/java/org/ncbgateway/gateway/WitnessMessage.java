package org.ncbgateway.gateway;

import java.util.Objects;
import org.ncbgateway.audit.LogSealer;
import org.ncbgateway.audit.SealWitness;

/**
 * A message of the federation's witnessing extension (docs/message-log.md): a node's seal bound for its
 * witness, or the witness's countersignature bound back. Body: the CMS SignedData. Properties: {@code ncbWitness}
 * ({@code seal} or {@code countersignature}), {@code ncbFrom} (hints only), and {@code _AMQ_DUPL_ID}
 * {@code seal-<digest>} or {@code countersignature-<digest>}, the digest being the SHA-256 of the seal's DER:
 * a resent seal or countersignature is dropped by every broker on its way.
 */
public record WitnessMessage(String type, String from, String duplicateId, byte[] body, String nextHop) {

    public static final String SEAL = "seal";
    public static final String COUNTERSIGNATURE = "countersignature";

    public WitnessMessage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(duplicateId, "duplicateId");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(nextHop, "nextHop");
    }

    /** {@code node}'s seal, for its witness {@code witness}. */
    static WitnessMessage seal(String node, String witness, LogSealer.Seal seal) {
        return new WitnessMessage(SEAL, node, SEAL + "-" + seal.digest(), seal.der(), witness);
    }

    /** The countersignature {@code witness} made, back to the node whose seal it is. */
    static WitnessMessage countersignature(String witness, SealWitness.Countersignature countersignature) {
        return new WitnessMessage(COUNTERSIGNATURE, witness,
                COUNTERSIGNATURE + "-" + countersignature.statement().sealDigest(), countersignature.der(),
                countersignature.statement().node());
    }
}
