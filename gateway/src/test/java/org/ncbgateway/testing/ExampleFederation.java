package org.ncbgateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryException;
import org.ncbgateway.directory.DirectoryVerifier;
import org.ncbgateway.pki.FederationLayout;
import org.ncbgateway.pki.FederationTrust;
import org.ncbgateway.pki.KeyPurpose;
import org.ncbgateway.pki.NodeCredentials;
import org.ncbgateway.pki.NodeKeyStore;
import org.ncbgateway.pki.PasswordSource;
import org.ncbgateway.pki.Pem;
import org.ncbgateway.pki.PkiException;
import org.ncbgateway.pki.RootAuthority;

/**
 * The checked-in example federation ({@code certs-example/}) loaded for tests: root, CRL, the verified
 * signed directory, each node's credentials and TLS keystore. Everything is read once and cached.
 */
public final class ExampleFederation {

    private static final Map<String, NodeCredentials> CREDENTIALS = new ConcurrentHashMap<>();
    private static volatile Directory directory;

    private ExampleFederation() {
    }

    /** The repository root, from surefire's {@code ncb.repo.root} or by walking up from the working folder. */
    public static Path repositoryRoot() {
        String configured = System.getProperty("ncb.repo.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("certs-example"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (no ncb.repo.root, no certs-example/ above "
                + Path.of("").toAbsolutePath() + ")");
    }

    public static Path dir() {
        return repositoryRoot().resolve("certs-example");
    }

    public static FederationLayout layout() {
        return new FederationLayout(dir());
    }

    public static Path rootPem() {
        return layout().rootCertificate();
    }

    public static Path crlPem() {
        return layout().crl();
    }

    public static X509Certificate root() {
        return unchecked(() -> Pem.certificate(rootPem()));
    }

    public static X509CRL crl() {
        return unchecked(() -> Pem.crl(crlPem()));
    }

    public static FederationTrust trust() {
        return new FederationTrust(root(), crl());
    }

    /** The root's private key, for tests that sign directories (example only: a real root is offline). */
    public static RootAuthority rootAuthority() {
        return unchecked(() -> RootAuthority.load(layout().rootKeyStore(),
                PasswordSource.file(layout().rootDir().resolve(PasswordSource.PASSWORD_FILE))));
    }

    public static Path signedDirectoryFile() {
        return layout().directorySigned();
    }

    public static byte[] signedDirectory() {
        try {
            return Files.readAllBytes(signedDirectoryFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory of directory.p7s, verified against the root (not expired, any version). */
    public static Directory directory() {
        Directory cached = directory;
        if (cached == null) {
            try {
                cached = new DirectoryVerifier(root()).verify(signedDirectory(), OptionalLong.empty(), Instant.now());
            } catch (DirectoryException e) {
                throw new IllegalStateException("certs-example/directory.p7s does not verify: " + e, e);
            }
            directory = cached;
        }
        return cached;
    }

    /** A copy of the example federation folder under {@code target}, for a test that revokes or re-signs. */
    public static Path copyTo(Path target) throws IOException {
        Path source = dir();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }

    public static Path nodeDir(String code) {
        return layout().node(code);
    }

    public static PasswordSource passwords(String code) {
        return PasswordSource.file(nodeDir(code).resolve(PasswordSource.PASSWORD_FILE));
    }

    /** The password of the node's keystores (signing, encryption and TLS alike). */
    public static char[] password(String code) {
        return unchecked(() -> passwords(code).password());
    }

    public static NodeCredentials credentials(String code) {
        return CREDENTIALS.computeIfAbsent(code, c -> unchecked(() -> NodeKeyStore.load(nodeDir(c), passwords(c))));
    }

    public static X509Certificate certificate(String code, KeyPurpose purpose) {
        return unchecked(() -> Pem.certificate(NodeKeyStore.certificate(nodeDir(code), purpose)));
    }

    public static Path tlsKeyStore(String code) {
        return NodeKeyStore.tlsKeyStore(nodeDir(code));
    }

    public static Path trustStore() {
        return layout().trustStore();
    }

    public static char[] trustStorePassword() {
        return unchecked(() -> PasswordSource.file(layout().trustStorePassword()).password());
    }

    /** A node's previous certificate of a purpose, kept under superseded/ (FR's signing one is revoked). */
    public static X509Certificate supersededCertificate(String code, KeyPurpose purpose) {
        Path superseded = layout().superseded(code);
        String name = purpose.name().toLowerCase(Locale.ROOT) + ".pem";
        try (Stream<Path> files = Files.walk(superseded)) {
            Path file = files.filter(p -> p.getFileName().toString().equals(name)).sorted().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no superseded " + name + " under " + superseded));
            return unchecked(() -> Pem.certificate(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface PkiCall<T> {
        T call() throws PkiException;
    }

    private static <T> T unchecked(PkiCall<T> call) {
        try {
            return call.call();
        } catch (PkiException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
