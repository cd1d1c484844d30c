package org.ncbgateway.audit;

import java.io.IOException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.ncbgateway.message.RejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The witness side (a hub, or a peer): checks a node's seal, countersigns it and keeps the countersignature
 * in its own log as a {@code witnessed} entry. It refuses a seal that contradicts one it already holds (same
 * seq, other hash) or goes back before it, so a node cannot quietly rewrite what it sealed; a rewrite that
 * re-seals further on is caught by the auditor comparing the chain with the witness's log.
 */
public final class SealWitness implements SealWitnessPort {

    private static final Logger LOG = LoggerFactory.getLogger(SealWitness.class);

    private final MessageLog log;
    private final StatementSigner signer;
    private final SignerCheck signers;
    private final Clock clock;
    /** The highest seal countersigned per node, rebuilt from this witness's own log on start. */
    private final Map<String, ChainHead> latest = new ConcurrentHashMap<>();

    public SealWitness(MessageLog log, StatementSigner signer, SignerCheck signers, Clock clock) throws IOException {
        this.log = Objects.requireNonNull(log, "log");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.signers = Objects.requireNonNull(signers, "signers");
        this.clock = Objects.requireNonNull(clock, "clock");
        LogReader.read(log.dir(), entry -> {
            if (entry.type() == EntryType.WITNESSED) {
                latest.merge(entry.meta().peer(), new ChainHead(entry.meta().sealedSeq(),
                        HexFormat.of().parseHex(entry.meta().sealedHash())), (a, b) -> a.seq() >= b.seq() ? a : b);
            }
            return true;
        });
    }

    @Override
    public synchronized byte[] countersign(byte[] sealDer) throws WitnessRefusedException {
        SealStatement seal = checkedSeal(sealDer);
        ChainHead head = seal.head();
        ChainHead previous = latest.get(seal.node());
        if (previous != null && previous.seq() > head.seq()) {
            throw refuse(seal, "goes back to seq " + head.seq() + " after a witnessed seal at seq " + previous.seq());
        }
        if (previous != null && previous.seq() == head.seq() && !previous.sameAs(head)) {
            throw refuse(seal, "seq " + head.seq() + " was witnessed with hash " + previous.hashHex()
                    + ", now sealed with " + head.hashHex());
        }
        WitnessStatement statement = new WitnessStatement(signer.node(), seal.node(), seal.sealedSeq(),
                seal.sealedHash(), HexFormat.of().formatHex(LogFormat.sha256(sealDer)), clock.instant());
        byte[] countersignature = signer.sign(statement.toJson());
        log.appendContent(ownHead -> new EntryContent(EntryMeta.forHead(EntryType.WITNESSED, statement.witnessedAt(),
                log.node(), seal.node(), head), countersignature));
        latest.put(seal.node(), head);
        LOG.info("event=seal_witnessed node={} sealedNode={} sealedSeq={}", log.node(), seal.node(), seal.sealedSeq());
        return countersignature;
    }

    private SealStatement checkedSeal(byte[] sealDer) throws WitnessRefusedException {
        SealStatement seal;
        SignedStatement signed;
        try {
            signed = SignedStatement.verify(sealDer);
            seal = SealStatement.parse(signed.content());
        } catch (SignedStatement.InvalidStatementException | IOException e) {
            throw new WitnessRefusedException("seal refused by " + log.node() + ": " + e.getMessage());
        }
        try {
            String signerNode = signers.trustedNode(signed.signer(), clock.instant());
            if (!signerNode.equals(seal.node())) {
                throw refuse(seal, "signed by " + signerNode);
            }
        } catch (RejectedException e) {
            throw refuse(seal, e.code() + " " + e.detail());
        }
        return seal;
    }

    private WitnessRefusedException refuse(SealStatement seal, String why) {
        LOG.warn("event=seal_refused node={} sealedNode={} sealedSeq={} reason=\"{}\"", log.node(), seal.node(),
                seal.sealedSeq(), why);
        return new WitnessRefusedException("seal of " + seal.node() + " at seq " + seal.sealedSeq() + " refused by "
                + log.node() + ": " + why);
    }
}
