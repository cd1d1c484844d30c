package org.ncbgateway.audit;

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
 * at an interval and at shutdown, and hands each seal to the courier that takes it to the node's witness (the
 * countersignature comes back on its own, to {@link Countersignatures}). A seal the courier could not take
 * (the node crashed, or its broker was gone) costs only that countersignature: the next seal covers
 * everything before it.
 */
public final class LogSealer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LogSealer.class);

    private final MessageLog log;
    private final StatementSigner signer;
    private volatile SealCourier courier;
    private final Clock clock;
    private ScheduledExecutorService schedule;
    private long lastSealedAt = -1;
    private boolean closed;

    /** @param courier null when this node's seals go to no witness */
    public LogSealer(MessageLog log, StatementSigner signer, SealCourier courier, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.courier = courier;
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!signer.node().equals(log.node())) {
            throw new IllegalArgumentException("log of " + log.node() + " cannot be sealed by " + signer.node());
        }
    }

    /** A seal as appended: the seal entry's own seq, what it says, and its DER. */
    public record Seal(long entrySeq, SealStatement statement, byte[] der) {

        /** Lowercase hex SHA-256 of the seal's DER: the {@code sealDigest} a countersignature names. */
        public String digest() {
            return Countersignatures.digest(der);
        }
    }

    /** Seals the current head now; then hands the seal to the courier for the witness. Returns the seal. */
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
        send(seal);
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

    private void send(Seal seal) {
        SealCourier courier = this.courier;
        if (courier == null) {
            return;
        }
        try {
            courier.send(seal);
        } catch (Exception e) {
            LOG.warn("event=log_seal_not_sent node={} sealedSeq={} reason=\"{}: {}\"", log.node(),
                    seal.statement().sealedSeq(), e.getClass().getSimpleName(), e.getMessage());
        }
    }

    /**
     * Names the courier that takes the seals to the witness from now on (once the node's broker runs), and hands it
     * {@code unsent} first, before any newer seal: the log's last seal, which its witness has not countersigned. It
     * may never have left (the node crashed between appending and sending it); if it did, its duplicate id drops
     * the copy at the broker, or the witness answers with the countersignature it made.
     */
    public synchronized void witnessBy(SealCourier courier, Optional<Seal> unsent) {
        this.courier = courier;
        unsent.ifPresent(seal -> {
            LOG.info("event=log_seal_resent node={} sealedSeq={} reason=\"not countersigned yet\"", log.node(),
                    seal.statement().sealedSeq());
            send(seal);
        });
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

    /**
     * Stops the interval and seals one last time (the shutdown seal), once: a node closes its sealer while its
     * broker still runs, so that the shutdown seal leaves for the witness. The log itself stays open.
     */
    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
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
