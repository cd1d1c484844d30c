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
 * re-seals further on is caught by the auditor comparing the chain with the witness's log. The same seal
 * again (a resend) gets the same countersignature back, and nothing new in the log.
 */
public final class SealWitness {

    private static final Logger LOG = LoggerFactory.getLogger(SealWitness.class);

    private final MessageLog log;
    private final StatementSigner signer;
    private final SignerCheck signers;
    private final Clock clock;
    /** The highest seal countersigned per node, rebuilt from this witness's own log on start. */
    private final Map<String, Countersignature> latest = new ConcurrentHashMap<>();

    /** A countersignature this witness made: what it says and its DER. */
    public record Countersignature(WitnessStatement statement, byte[] der) {
    }

    public SealWitness(MessageLog log, StatementSigner signer, SignerCheck signers, Clock clock) throws IOException {
        this.log = Objects.requireNonNull(log, "log");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.signers = Objects.requireNonNull(signers, "signers");
        this.clock = Objects.requireNonNull(clock, "clock");
        LogReader.read(log.dir(), entry -> {
            if (entry.type() == EntryType.WITNESSED) {
                Countersignature made = recalled(entry);
                latest.merge(entry.meta().peer(), made,
                        (a, b) -> a.statement().sealedSeq() >= b.statement().sealedSeq() ? a : b);
            }
            return true;
        });
    }

    private static Countersignature recalled(LogEntry entry) throws IOException {
        try {
            return new Countersignature(WitnessStatement.parse(SignedStatement.verify(entry.data()).content()),
                    entry.data());
        } catch (SignedStatement.InvalidStatementException e) {
            throw new IOException(entry.place() + ": witnessed entry holds no valid countersignature: "
                    + e.getMessage(), e);
        }
    }

    /**
     * @param sealDer the CMS SignedData of a seal statement
     * @param sender the node that handed the seal over, as its broker authenticated it; null when not known
     * @return the countersignature, a CMS SignedData of a {@link WitnessStatement}
     * @throws WitnessRefusedException when the seal is invalid, not the sender's, or contradicts one held
     */
    public synchronized Countersignature countersign(byte[] sealDer, String sender) throws WitnessRefusedException {
        SealStatement seal = checkedSeal(sealDer);
        if (sender != null && !sender.equals(seal.node())) {
            throw refuse(seal, "sent by node " + sender + ", not by " + seal.node());
        }
        String digest = HexFormat.of().formatHex(LogFormat.sha256(sealDer));
        ChainHead head = seal.head();
        Countersignature previous = latest.get(seal.node());
        if (previous != null && previous.statement().sealDigest().equals(digest)) {
            LOG.info("event=seal_witnessed_again node={} sealedNode={} sealedSeq={}", log.node(), seal.node(),
                    seal.sealedSeq());
            return previous;
        }
        ChainHead held = previous == null ? null : previous.statement().head();
        if (held != null && held.seq() > head.seq()) {
            throw refuse(seal, "goes back to seq " + head.seq() + " after a witnessed seal at seq " + held.seq());
        }
        if (held != null && held.seq() == head.seq() && !held.sameAs(head)) {
            throw refuse(seal, "seq " + head.seq() + " was witnessed with hash " + held.hashHex()
                    + ", now sealed with " + head.hashHex());
        }
        WitnessStatement statement = new WitnessStatement(signer.node(), seal.node(), seal.sealedSeq(),
                seal.sealedHash(), digest, clock.instant());
        byte[] countersignature = signer.sign(statement.toJson());
        log.appendContent(ownHead -> new EntryContent(EntryMeta.forHead(EntryType.WITNESSED, statement.witnessedAt(),
                log.node(), seal.node(), head), countersignature));
        Countersignature made = new Countersignature(statement, countersignature);
        latest.put(seal.node(), made);
        LOG.info("event=seal_witnessed node={} sealedNode={} sealedSeq={}", log.node(), seal.node(), seal.sealedSeq());
        return made;
    }

    private SealStatement checkedSeal(byte[] sealDer) throws WitnessRefusedException {
        SealStatement seal;
        SignedStatement signed;
        try {
            signed = SignedStatement.verify(sealDer);
            seal = SealStatement.parse(signed.content());
        } catch (SignedStatement.InvalidStatementException | IOException e) {
            throw new WitnessRefusedException(WitnessRefusedException.SEAL_REFUSED,
                    "seal refused by " + log.node() + ": " + e.getMessage());
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
        return new WitnessRefusedException(WitnessRefusedException.SEAL_REFUSED, "seal of " + seal.node()
                + " at seq " + seal.sealedSeq() + " refused by " + log.node() + ": " + why);
    }
}
