package org.ncbgateway.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryException;
import org.ncbgateway.directory.DirectoryStore;
import org.ncbgateway.directory.DirectoryVerifier;
import org.ncbgateway.message.RejectedException;
import org.ncbgateway.pki.CertificateTrust;
import org.ncbgateway.pki.FederationTrust;
import org.ncbgateway.pki.KeyPurpose;
import org.ncbgateway.pki.PkiException;

/**
 * The directory in force at a running node, and the trust under its CRL. The machinery reads both
 * from here at each use, so a directory applied in service (a {@code directory-update}) takes effect
 * for the next message without a restart; the pair is swapped as one, so no check ever sees the
 * directory of one version with the CRL of another.
 */
public final class LiveDirectory implements CertificateTrust {

    private record InForce(Directory directory, FederationTrust trust) {
    }

    private final X509Certificate root;
    private final DirectoryStore store;
    private final List<Consumer<Directory>> listeners = new CopyOnWriteArrayList<>();
    private volatile InForce inForce;

    private LiveDirectory(X509Certificate root, DirectoryStore store, Directory directory) throws PkiException {
        this.root = Objects.requireNonNull(root, "root");
        this.store = Objects.requireNonNull(store, "store");
        this.inForce = new InForce(directory, FederationTrust.of(root, directory));
    }

    /**
     * The directory a node starts with: the one kept in its data folder, unless {@code configured} is
     * newer (a node given a new directory while it was down takes it at start).
     */
    public static LiveDirectory open(DirectoryStore store, X509Certificate root, byte[] configured, Instant now)
            throws IOException, DirectoryException, PkiException {
        DirectoryVerifier verifier = new DirectoryVerifier(root);
        Optional<Directory> kept = store.current();
        long configuredVersion = verifier.verifySignature(configured).version();
        Directory directory = kept.isPresent() && kept.get().version() >= configuredVersion ? kept.get()
                : store.apply(configured, now);
        return new LiveDirectory(root, store, directory);
    }

    public Directory directory() {
        return inForce.directory();
    }

    public FederationTrust trust() {
        return inForce.trust();
    }

    @Override
    public void check(X509Certificate certificate, KeyPurpose purpose, Instant at) throws RejectedException {
        inForce.trust().check(certificate, purpose, at);
    }

    /** Called with each directory applied from now on, after it is in force (the node's bridges follow it). */
    public void onApplied(Consumer<Directory> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Verifies {@code signed} with the root (newer than the directory in force, not expired), keeps it
     * in the store, then puts it in force. The very directory in force again (a redelivered update)
     * changes nothing; anything else refused leaves the directory in force as it was.
     *
     * @return the directory in force afterwards
     */
    public synchronized Directory apply(byte[] signed, Instant now) throws DirectoryException, IOException,
            PkiException {
        if (Files.isRegularFile(store.currentFile()) && Arrays.equals(signed, Files.readAllBytes(store.currentFile()))) {
            return directory();
        }
        Directory next = store.apply(signed, now);
        inForce = new InForce(next, FederationTrust.of(root, next));
        listeners.forEach(listener -> listener.accept(next));
        return next;
    }
}
