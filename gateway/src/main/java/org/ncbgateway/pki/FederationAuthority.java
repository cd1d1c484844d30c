package org.ncbgateway.pki;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * What the secretariat does with the offline root over a federation folder: create it, enrol nodes,
 * publish CRLs. Renewal and revocation build on it ({@link NodeRenewal}, {@link CrlPublisher}).
 */
public final class FederationAuthority {

    public static final String ROOT_NAME = "NCB Federation Root CA";
    public static final String ROOT_PASSWORD_ENV = "NCB_ROOT_PASSWORD";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final FederationLayout layout;
    private final RootAuthority root;
    private final int validityDays;

    public FederationAuthority(FederationLayout layout, RootAuthority root, int validityDays) {
        this.layout = layout;
        this.root = root;
        this.validityDays = validityDays;
    }

    /** Opens an existing federation folder; {@code validityDays} applies to what it issues from now on. */
    public static FederationAuthority open(FederationLayout layout, int validityDays) throws PkiException {
        return new FederationAuthority(layout, loadRoot(layout), validityDays);
    }

    /** The root of a federation folder, its keystore opened with {@code root/password} or {@value #ROOT_PASSWORD_ENV}. */
    public static RootAuthority loadRoot(FederationLayout layout) throws PkiException {
        if (!Files.isRegularFile(layout.rootKeyStore())) {
            throw new PkiException(layout.rootKeyStore() + ": no root keystore; is " + layout.dir()
                    + " a federation folder made by 'ncb pki init'?");
        }
        return RootAuthority.load(layout.rootKeyStore(),
                PasswordSource.fileOrEnvironment(layout.rootDir(), ROOT_PASSWORD_ENV));
    }

    /**
     * Creates a root, keys and certificates for every node, an empty CRL and the truststore.
     * {@code nodePasswordEnv} null means a random password per node, written to {@code nodes/<CODE>/password}.
     */
    public static FederationAuthority create(FederationLayout layout, FederationSpec spec, int validityDays,
                                             String nodePasswordEnv, Instant now) throws PkiException {
        if (Files.exists(layout.rootKeyStore())) {
            throw new PkiException(layout.dir() + ": already holds a federation (root/root.p12); choose an empty folder");
        }
        spec.validate(layout.spec().toString());
        // the root outlives every certificate it issues, so nodes can be renewed until the end of their term
        RootAuthority root = RootAuthority.create(ROOT_NAME, Validity.days(now, 2 * validityDays));
        String rootPassword = randomPassword();
        AtomicFiles.writeSecret(layout.rootDir().resolve(PasswordSource.PASSWORD_FILE), rootPassword);
        root.save(layout.rootKeyStore(), rootPassword.toCharArray());
        AtomicFiles.writeString(layout.rootCertificate(), Pem.encode(root.certificate()));
        String trustPassword = randomPassword();
        AtomicFiles.writeSecret(layout.trustStorePassword(), trustPassword);
        KeyStores.writeTrusted(layout.trustStore(), "ncb-federation-root", root.certificate(),
                trustPassword.toCharArray());
        FederationAuthority authority = new FederationAuthority(layout, root, validityDays);
        authority.publishCrl(List.of(), BigInteger.ONE, now);
        for (NodeSpec node : spec.nodes()) {
            authority.enrol(node, nodePasswordEnv, now);
        }
        spec.write(layout.spec());
        return authority;
    }

    public FederationLayout layout() {
        return layout;
    }

    public RootAuthority root() {
        return root;
    }

    /** Keys and certificates for every purpose of a new node, in {@code nodes/<CODE>/}. */
    public void enrol(NodeSpec node, String nodePasswordEnv, Instant now) throws PkiException {
        Path nodeDir = layout.node(node.code());
        if (Files.exists(NodeKeyStore.keyStore(nodeDir, KeyPurpose.SIGNING))) {
            throw new PkiException(nodeDir + ": node " + node.code() + " already has keys; use 'ncb pki renew'");
        }
        PasswordSource password;
        if (nodePasswordEnv == null) {
            AtomicFiles.writeSecret(nodeDir.resolve(PasswordSource.PASSWORD_FILE), randomPassword());
            password = PasswordSource.file(nodeDir.resolve(PasswordSource.PASSWORD_FILE));
        } else {
            password = PasswordSource.environment(nodePasswordEnv);
        }
        issueKeys(node, Set.of(KeyPurpose.values()), password, now);
    }

    /** New keys and certificates for {@code purposes} of a node, written over the current ones. */
    void issueKeys(NodeSpec node, Set<KeyPurpose> purposes, PasswordSource passwordSource, Instant now)
            throws PkiException {
        Path nodeDir = layout.node(node.code());
        Validity validity = Validity.days(now, validityDays);
        char[] password = passwordSource.password();
        for (KeyPurpose purpose : KeyPurpose.values()) {
            if (!purposes.contains(purpose)) {
                continue;
            }
            KeyPair pair = node.keyAlgorithm().generate();
            X509Certificate certificate = root.issue(CertificateTemplate.forPurpose(node.code(), purpose,
                    pair.getPublic(), validity, List.of(node.host())));
            NodeKeyStore.write(nodeDir, purpose, pair.getPrivate(), certificate, root.certificate(), password);
        }
    }

    /** Signs and writes {@code crl.pem} with the given entries. */
    X509CRL publishCrl(List<RootAuthority.Revocation> entries, BigInteger number, Instant now) throws PkiException {
        X509CRL crl = root.crl(entries, number, Validity.days(now, validityDays));
        AtomicFiles.writeString(layout.crl(), Pem.encode(crl));
        return crl;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
