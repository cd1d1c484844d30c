package org.ncbgateway.gateway;

import java.util.Objects;
import org.ncbgateway.audit.Countersignatures;
import org.ncbgateway.audit.SealWitness;
import org.ncbgateway.audit.WitnessRefusedException;
import org.ncbgateway.transport.MessageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the witness route (routes/common/witness.yaml): another node's seal is checked and countersigned
 * (this node as witness), and the countersignature of one of this node's seals is checked and logged. Whatever
 * the properties say, only the signed content counts; the sender is the node the broker authenticated.
 */
public final class WitnessDesk {

    private static final Logger LOG = LoggerFactory.getLogger(WitnessDesk.class);

    private final String self;
    private final SealWitness witness;
    private final Countersignatures countersignatures;

    public WitnessDesk(String self, SealWitness witness, Countersignatures countersignatures) {
        this.self = Objects.requireNonNull(self, "self");
        this.witness = Objects.requireNonNull(witness, "witness");
        this.countersignatures = Objects.requireNonNull(countersignatures, "countersignatures");
    }

    /**
     * @param sender the node the broker authenticated as the sender ({@code _AMQ_VALIDATED_USER})
     * @return the countersignature, bound back to the sealing node
     */
    public WitnessMessage countersign(byte[] seal, String sender) throws WitnessRefusedException {
        LogContext.node(self);
        if (sender == null || sender.isBlank()) {
            throw new WitnessRefusedException(WitnessRefusedException.SEAL_REFUSED, "seal refused by " + self
                    + ": its sender is unknown (the broker did not set " + MessageProperties.VALIDATED_USER + ")");
        }
        return WitnessMessage.countersignature(self, witness.countersign(seal, sender));
    }

    /** Logs the countersignature of one of this node's seals (once; a resend changes nothing). */
    public void countersigned(byte[] countersignature) throws WitnessRefusedException {
        LogContext.node(self);
        countersignatures.accept(countersignature);
    }

    /** A message marked for witnessing that is neither a seal nor a countersignature. */
    public void unknown(String type) throws WitnessRefusedException {
        throw new WitnessRefusedException(WitnessRefusedException.SEAL_REFUSED, "refused by " + self
                + ": ncbWitness '" + type + "' is neither " + WitnessMessage.SEAL + " nor "
                + WitnessMessage.COUNTERSIGNATURE);
    }

    /** The refusal, for the operator, once the refused message is in {@code ncb.dlq}. */
    public void refused(WitnessRefusedException refusal) {
        LogContext.node(self);
        LOG.warn("event=witness_refused code={} reason=\"{}\"", refusal.code(), refusal.getMessage());
    }
}
