package org.ncbgateway.audit;

import java.io.IOException;
import java.time.Clock;

/**
 * A seal handed straight to a witness in this process, and its countersignature straight back: for the tests of
 * the log format and of the auditor, which need witnessed logs but no brokers. Running nodes exchange seals and
 * countersignatures over their brokers only (gateway.WitnessLink, routes/common/witness.yaml).
 */
final class DirectWitness {

    private DirectWitness() {
    }

    /** A courier for {@code sealed}'s seals to {@code witness}, whose countersignatures {@code sealed} logs. */
    static SealCourier courier(MessageLog sealed, SignerCheck signers, SealWitness witness) throws IOException {
        Countersignatures countersignatures = new Countersignatures(sealed, signers, Clock.systemUTC());
        return countersignatures.courier(seal ->
                countersignatures.accept(witness.countersign(seal.der(), sealed.node()).der()));
    }
}
