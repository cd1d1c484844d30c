package org.ncbgateway.audit;

import java.io.IOException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ncbgateway.message.RejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's side of witnessing: it remembers the seals it sent to its witness and takes back their
 * countersignatures, appending each as a {@code witness} entry once. It trusts only what is signed: a
 * countersignature must verify, be signed by the trusted node it names as witness, and be for a seal this
 * log made (same seq, head hash and seal digest); a second copy of one already logged changes nothing.
 * It keeps the last {@value #KEPT} seals, rebuilt from the log on start: a countersignature for an older seal
 * (a witness away for thousands of seals) is refused with that reason.
 */
public final class Countersignatures {

    static final int KEPT = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(Countersignatures.class);

    private final MessageLog log;
    private final SignerCheck signers;
    private final Clock clock;
    private final Map<Long, SealRecord> seals = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, SealRecord> eldest) {
            return size() > KEPT;
        }
    };

    /** The log's last seal, from the log at start, then as sealed. */
    private LogSealer.Seal last;

    private record SealRecord(String sealedHash, String sealDigest, boolean witnessed) {
        SealRecord witnessedNow() {
            return new SealRecord(sealedHash, sealDigest, true);
        }
    }

    public Countersignatures(MessageLog log, SignerCheck signers, Clock clock) throws IOException {
        this.log = Objects.requireNonNull(log, "log");
        this.signers = Objects.requireNonNull(signers, "signers");
        this.clock = Objects.requireNonNull(clock, "clock");
        LogReader.read(log.dir(), entry -> {
            EntryMeta meta = entry.meta();
            if (meta.type() == EntryType.SEAL) {
                seals.put(meta.sealedSeq(), new SealRecord(meta.sealedHash(), digest(entry.data()), false));
                last = new LogSealer.Seal(entry.seq(), new SealStatement(meta.node(), meta.sealedSeq(),
                        meta.sealedHash(), meta.time()), entry.data());
            } else if (meta.type() == EntryType.WITNESS) {
                seals.computeIfPresent(meta.sealedSeq(), (seq, seal) -> seal.witnessedNow());
            }
            return true;
        });
    }

    /** A courier that first remembers each seal, then hands it to {@code link}. */
    public SealCourier courier(SealCourier link) {
        Objects.requireNonNull(link, "link");
        return seal -> {
            awaiting(seal);
            link.send(seal);
        };
    }

    private synchronized void awaiting(LogSealer.Seal seal) {
        seals.putIfAbsent(seal.statement().sealedSeq(),
                new SealRecord(seal.statement().sealedHash(), seal.digest(), false));
        last = seal;
    }

    /** This log's last seal, when its witness has not countersigned it (yet). */
    public synchronized Optional<LogSealer.Seal> lastUnwitnessed() {
        if (last == null) {
            return Optional.empty();
        }
        SealRecord record = seals.get(last.statement().sealedSeq());
        return record == null || record.witnessed() ? Optional.empty() : Optional.of(last);
    }

    /**
     * Logs a countersignature of one of this node's seals as a {@code witness} entry.
     *
     * @return false when it was logged before (a resend), true when logged now
     * @throws WitnessRefusedException when it does not verify or is not for a seal this log made
     */
    public synchronized boolean accept(byte[] countersignature) throws WitnessRefusedException {
        WitnessStatement statement = verified(countersignature);
        SealRecord seal = seals.get(statement.sealedSeq());
        if (seal == null) {
            throw refuse(statement, "no seal of " + log.node() + " at seq " + statement.sealedSeq()
                    + " among the last " + KEPT + " seals of this log");
        }
        if (!seal.sealedHash().equals(statement.sealedHash()) || !seal.sealDigest().equals(statement.sealDigest())) {
            throw refuse(statement, "countersigns another seal of seq " + statement.sealedSeq() + " [expected hash "
                    + seal.sealedHash() + " digest " + seal.sealDigest() + ", actual hash " + statement.sealedHash()
                    + " digest " + statement.sealDigest() + "]");
        }
        if (seal.witnessed()) {
            LOG.info("event=countersignature_duplicate node={} witness={} sealedSeq={}", log.node(),
                    statement.witness(), statement.sealedSeq());
            return false;
        }
        log.appendContent(head -> new EntryContent(EntryMeta.forHead(EntryType.WITNESS, clock.instant(), log.node(),
                statement.witness(), statement.head()), countersignature));
        seals.put(statement.sealedSeq(), seal.witnessedNow());
        LOG.info("event=log_seal_witnessed node={} witness={} sealedSeq={}", log.node(), statement.witness(),
                statement.sealedSeq());
        return true;
    }

    private WitnessStatement verified(byte[] countersignature) throws WitnessRefusedException {
        WitnessStatement statement;
        SignedStatement signed;
        try {
            signed = SignedStatement.verify(countersignature);
            statement = WitnessStatement.parse(signed.content());
        } catch (SignedStatement.InvalidStatementException | IOException e) {
            throw new WitnessRefusedException(WitnessRefusedException.COUNTERSIGNATURE_REFUSED,
                    "countersignature refused by " + log.node() + ": " + e.getMessage());
        }
        if (!statement.node().equals(log.node())) {
            throw refuse(statement, "it is for node " + statement.node());
        }
        try {
            String signer = signers.trustedNode(signed.signer(), clock.instant());
            if (!signer.equals(statement.witness())) {
                throw refuse(statement, "signed by " + signer);
            }
        } catch (RejectedException e) {
            throw refuse(statement, e.code() + " " + e.detail());
        }
        return statement;
    }

    private WitnessRefusedException refuse(WitnessStatement statement, String why) {
        return new WitnessRefusedException(WitnessRefusedException.COUNTERSIGNATURE_REFUSED, "countersignature by "
                + statement.witness() + " of the seal of " + statement.node() + " at seq " + statement.sealedSeq()
                + " refused by " + log.node() + ": " + why);
    }

    static String digest(byte[] der) {
        return HexFormat.of().formatHex(LogFormat.sha256(der));
    }
}
