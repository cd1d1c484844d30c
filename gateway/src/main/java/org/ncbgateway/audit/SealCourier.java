package org.ncbgateway.audit;

/**
 * Takes a node's seal to its witness (its hub, or a peer). Asynchronous: the witness's countersignature comes
 * back later, on its own, to {@link Countersignatures#accept}. A running node's courier is its broker
 * ({@code gateway.WitnessLink}: the seal waits on {@code ncb.out.<WITNESS>} until the witness takes it).
 */
@FunctionalInterface
public interface SealCourier {

    /** Hands the seal over; returns once it is durably on its way. */
    void send(LogSealer.Seal seal) throws Exception;
}
