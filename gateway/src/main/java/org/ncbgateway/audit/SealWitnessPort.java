package org.ncbgateway.audit;

/**
 * The seam between a sealing node and its witness (its hub, or a peer): hands over a seal, gets back the
 * witness's countersignature. In one process it is the {@link SealWitness} itself; between nodes the gateway
 * carries the request and the answer.
 */
@FunctionalInterface
public interface SealWitnessPort {

    /**
     * @param sealDer the CMS SignedData of a seal statement
     * @return the witness's countersignature, a CMS SignedData of a {@link WitnessStatement}
     * @throws WitnessRefusedException when the witness refuses the seal (invalid, or in conflict with one it holds)
     */
    byte[] countersign(byte[] sealDer) throws WitnessRefusedException;

    /** A witness's refusal, with its reason. */
    final class WitnessRefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        public WitnessRefusedException(String reason) {
            super(reason);
        }
    }
}
