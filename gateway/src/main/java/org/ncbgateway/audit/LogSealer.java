package org.ncbgateway.audit;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals a node's log: signs its chain head as a CMS SignedData and appends it as a {@code seal} entry,
 * at an interval and at shutdown, and hands each seal to the node's witness, appending the countersignature
 * it returns as a {@code witness} entry. A witness that cannot be reached costs only that countersignature:
 * the next seal covers everything before it.
 */
public final class LogSealer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LogSealer.class);

    private final MessageLog log;
    private final StatementSigner signer;
    private volatile SealWitnessPort witness;
    private final Clock clock;
    private ScheduledExecutorService schedule;
    private long lastSealedAt = -1;

    /** @param witness null when this node has no witness */
    public LogSealer(MessageLog log, StatementSigner signer, SealWitnessPort witness, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.witness = witness;
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!signer.node().equals(log.node())) {
            throw new IllegalArgumentException("log of " + log.node() + " cannot be sealed by " + signer.node());
        }
    }

    /** A seal as appended: the seal entry's own seq, what it says, and its DER. */
    public record Seal(long entrySeq, SealStatement statement, byte[] der) {
    }

    /** Seals the current head now; then asks the witness to countersign. Returns the seal. */
    public synchronized Seal seal() {
        Seal[] made = new Seal[1];
        long seq = log.appendContent(head -> {
            SealStatement statement = SealStatement.of(log.node(), head, clock.instant());
            byte[] der = signer.sign(statement.toJson());
            made[0] = new Seal(head.seq() + 1, statement, der);
            return new EntryContent(EntryMeta.forHead(EntryType.SEAL, statement.sealedAt(), log.node(), null, head), der);
        });
        Seal seal = new Seal(seq, made[0].statement(), made[0].der());
        LOG.info("event=log_sealed node={} sealedSeq={} sealedHash={}", log.node(), seal.statement().sealedSeq(),
                seal.statement().sealedHash());
        witness(seal);
        return seal;
    }

    /** Seals the head unless the last entry already is a seal or countersignature of it. */
    public synchronized Optional<Seal> sealIfChanged() {
        if (log.head().seq() == lastSealedAt) {
            return Optional.empty();
        }
        Seal seal = seal();
        lastSealedAt = log.head().seq();
        return Optional.of(seal);
    }

    private void witness(Seal seal) {
        SealWitnessPort witness = this.witness;
        if (witness == null) {
            return;
        }
        try {
            byte[] countersignature = witness.countersign(seal.der());
            WitnessStatement statement = WitnessStatement.parse(SignedStatement.verify(countersignature).content());
            log.appendContent(head -> new EntryContent(EntryMeta.forHead(EntryType.WITNESS, clock.instant(),
                    log.node(), statement.witness(), statement.head()), countersignature));
            LOG.info("event=log_seal_witnessed node={} witness={} sealedSeq={}", log.node(), statement.witness(),
                    statement.sealedSeq());
        } catch (SealWitnessPort.WitnessRefusedException | SignedStatement.InvalidStatementException
                 | IOException | RuntimeException e) {
            LOG.warn("event=log_seal_not_witnessed node={} sealedSeq={} reason=\"{}\"", log.node(),
                    seal.statement().sealedSeq(), e.getMessage());
        }
    }

    /** Names the witness that countersigns the seals from now on (its hub, once both nodes run). */
    public void witnessBy(SealWitnessPort port) {
        this.witness = port;
    }

    /** Seals every {@code interval} while the node runs (skipping when nothing was appended since). */
    public synchronized void start(Duration interval) {
        if (schedule != null) {
            throw new IllegalStateException("sealer already started");
        }
        schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ncb-log-sealer-" + log.node());
            t.setDaemon(true);
            return t;
        });
        schedule.scheduleWithFixedDelay(this::sealQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void sealQuietly() {
        try {
            sealIfChanged();
        } catch (RuntimeException e) {
            LOG.error("event=log_seal_failed node={} reason=\"{}\"", log.node(), e.getMessage());
        }
    }

    /** Stops the interval and seals one last time (the shutdown seal); the log itself stays open. */
    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = schedule;
            schedule = null;
        }
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        seal();
    }
}
