package org.ncbgateway.gateway;

import jakarta.jms.ConnectionFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ncbgateway.audit.Countersignatures;
import org.ncbgateway.audit.LogSealer;
import org.ncbgateway.audit.MessageLog;
import org.ncbgateway.audit.SealWitness;
import org.ncbgateway.audit.StatementSigner;
import org.ncbgateway.audit.TrustedSigners;
import org.ncbgateway.crypto.MessageOpener;
import org.ncbgateway.crypto.MessageSealer;
import org.ncbgateway.crypto.OuterVerifier;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryException;
import org.ncbgateway.directory.DirectoryStore;
import org.ncbgateway.directory.DirectoryVerifier;
import org.ncbgateway.directory.NodeRole;
import org.ncbgateway.notice.NoticeValidator;
import org.ncbgateway.pki.FederationLayout;
import org.ncbgateway.pki.NodeCredentials;
import org.ncbgateway.pki.NodeKeyStore;
import org.ncbgateway.pki.Pem;
import org.ncbgateway.pki.PkiException;
import org.ncbgateway.routing.DirectoryAddressCheck;
import org.ncbgateway.routing.RelayCheck;

/**
 * The plain-Java machinery of one node, built from its configuration: keys, the directory in force,
 * the federation trust, the durable stores, the message log, and the beans the routes call by name.
 * Closing it closes the stores and the log.
 */
public final class NodeMachinery implements AutoCloseable {

    /** How often the message log is sealed while the node runs; it is also sealed at shutdown. */
    static final Duration SEAL_INTERVAL = Duration.ofMinutes(1);

    private final NodeConfig config;
    private final NodeCredentials credentials;
    private final LiveDirectory directory;
    private final AcceptedIds accepted;
    private final DeliveryStatusStore status;
    private final MessageLog log;
    private final LogSealer sealer;
    private final SealWitness witness;
    private final Countersignatures countersignatures;
    private final Inbound inbound;
    private final Map<String, Object> beans = new LinkedHashMap<>();

    private NodeMachinery(NodeConfig config, Clock clock) throws IOException, PkiException, DirectoryException {
        this.config = config;
        FederationLayout federation = new FederationLayout(config.federationDir());
        X509Certificate root = Pem.certificate(federation.rootCertificate());
        this.credentials = NodeKeyStore.load(config.keystoreDir(), NodePasswords.keystores(config));
        this.directory = LiveDirectory.open(new DirectoryStore(config.dataDir(), new DirectoryVerifier(root)), root,
                Files.readAllBytes(config.directoryFile()), clock.instant());
        // the trust under the CRL of the directory in force, read at each check
        LiveDirectory trust = directory;
        NoticeValidator validator = new NoticeValidator();
        this.accepted = AcceptedIds.open(config.acceptedIdsFile(), clock);
        this.status = DeliveryStatusStore.open(config.statusFile(), clock);
        this.log = MessageLog.open(config.messageLogDir(), config.nodeCode());
        StatementSigner logSigner = new StatementSigner(config.nodeCode(), credentials.signingKey(),
                credentials.signingCert());
        this.sealer = new LogSealer(log, logSigner, null, clock);
        this.witness = new SealWitness(log, logSigner, TrustedSigners.under(trust), clock);
        this.countersignatures = new Countersignatures(log, TrustedSigners.under(trust), clock);
        sealer.start(SEAL_INTERVAL);
        Receipts receipts = new Receipts(config.nodeCode(), clock);
        MessageOpener opener = new MessageOpener(credentials, trust,
                new DirectoryAddressCheck(config.nodeCode(), this::directory), accepted, validator, clock);
        this.inbound = new Inbound(config.nodeCode(), opener, accepted, log, new DeliveryFolder(config.deliveryDir()),
                status, receipts, clock);
        beans.put("outbound", new Outbound(config.nodeCode(), validator, this::directory,
                new MessageSealer(credentials), log, status, clock, config.messageExpiry()));
        beans.put("inbound", inbound);
        beans.put("directoryUpdates", new DirectoryUpdates(config.nodeCode(), directory, clock));
        beans.put("rejections", new Rejections(config.nodeCode(), log, receipts, clock));
        beans.put("failedSubmissions", new FailedSubmissions(config.dropDir()));
        beans.put("toBrokerMessage", new ToBrokerMessage());
        beans.put("witnessDesk", new WitnessDesk(config.nodeCode(), witness, countersignatures));
        beans.put("hubRelay", new HubRelay(config.nodeCode(), new OuterVerifier(trust, clock),
                new RelayCheck(config.nodeCode(), this::directory, clock), log));
        if (directory().node(config.nodeCode()).filter(n -> n.role() == NodeRole.SECRETARIAT).isPresent()) {
            beans.put("reviewIntake", new ReviewIntake(config.nodeCode(),
                    ReviewQueue.open(ReviewQueue.dir(config)), clock));
        }
    }

    public static NodeMachinery open(NodeConfig config, Clock clock) throws IOException, PkiException,
            DirectoryException {
        Files.createDirectories(config.dataDir());
        return new NodeMachinery(config, clock);
    }

    public NodeConfig config() {
        return config;
    }

    public NodeCredentials credentials() {
        return credentials;
    }

    public Directory directory() {
        return directory.directory();
    }

    /** The directory in force and its trust, which a {@code directory-update} replaces in service. */
    public LiveDirectory liveDirectory() {
        return directory;
    }

    public DeliveryStatusStore status() {
        return status;
    }

    public Inbound inbound() {
        return inbound;
    }

    /** The node's message log. */
    public MessageLog log() {
        return log;
    }

    /** The beans the routes call, by the names they use. */
    public Map<String, Object> beans() {
        return Map.copyOf(beans);
    }

    /** Seals this node's log; {@link #connectWitness} sends its seals to its witness. */
    public LogSealer sealer() {
        return sealer;
    }

    /**
     * From now on the seals go to this node's witness (the directory's: see {@link Witnesses}) through
     * {@code broker}, the node's own broker; the countersignatures come back through the witness route. The log's
     * last seal goes first when the witness has not countersigned it: a crash may have come between appending it
     * and handing it over.
     */
    public void connectWitness(ConnectionFactory broker) {
        sealer.witnessBy(countersignatures.courier(new WitnessLink(config.nodeCode(), this::directory, broker)),
                countersignatures.lastUnwitnessed());
    }

    /** Countersigns the seals of the nodes this one witnesses for (a hub's bureaus). */
    public SealWitness witness() {
        return witness;
    }

    @Override
    public void close() throws IOException {
        try {
            sealer.close();
            log.close();
        } finally {
            try {
                status.close();
            } finally {
                accepted.close();
            }
        }
    }
}
