package org.ncbgateway.transport;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.ncbgateway.pki.RootAuthority;
import org.ncbgateway.testing.ExampleFederation;

/**
 * TLS certificates the example federation does not have, generated at run time (EC P-256) and written
 * as PKCS#12 stores into a temporary folder: from a stranger root, or misissued under the example root.
 */
final class TestCertificates {

    static final char[] PASSWORD = "test-only-store-password".toCharArray();
    private static final AtomicLong SERIALS = new AtomicLong(1);

    private final Path folder;
    private final KeyPair rootKey;
    private final X500Name rootName;
    private final X509Certificate root;
    private final Path trustStore;

    /** A fresh root of its own: certificates from it are strangers to the example federation. */
    TestCertificates(Path folder, String rootName) throws Exception {
        this.folder = Files.createDirectories(folder);
        this.rootKey = ecKey();
        this.rootName = new X500Name("CN=" + rootName + ",O=Test Federation");
        X509v3CertificateBuilder builder = builder(this.rootName, this.rootName, rootKey.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        this.root = sign(builder, rootKey.getPrivate());
        this.trustStore = writeTrustStore(rootName);
    }

    /** Issues under the example federation's root (whose key is public, example only). */
    static TestCertificates underExampleRoot(Path folder) throws Exception {
        RootAuthority authority = ExampleFederation.rootAuthority();
        return new TestCertificates(folder, authority.certificate(), authority.privateKey());
    }

    private TestCertificates(Path folder, X509Certificate root, PrivateKey rootPrivateKey) throws Exception {
        this.folder = Files.createDirectories(folder);
        this.rootKey = new KeyPair(root.getPublicKey(), rootPrivateKey);
        this.rootName = X500Name.getInstance(root.getSubjectX500Principal().getEncoded());
        this.root = root;
        this.trustStore = writeTrustStore("example-root");
    }

    Path trustStore() {
        return trustStore;
    }

    /** A TLS certificate for a node, bound to it by the SAN URI {@code urn:ncb:node:<code>}. */
    TlsMaterial node(String code) throws Exception {
        return node(code, KeyPurposeId.id_kp_clientAuth);
    }

    /** A node certificate with another extended key usage, or with none when {@code usage} is null. */
    TlsMaterial node(String code, KeyPurposeId usage) throws Exception {
        KeyPair key = ecKey();
        X509v3CertificateBuilder builder = builder(rootName, new X500Name("CN=" + code + ",O=Test Federation"), key.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
        if (usage != null) {
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, usage}));
        }
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                new GeneralName(GeneralName.uniformResourceIdentifier, PeerIdentity.NODE_URI_PREFIX + code)));
        X509Certificate certificate = sign(builder, rootKey.getPrivate());
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("tls", key.getPrivate(), PASSWORD, new Certificate[] {certificate, root});
        Path keyStore = folder.resolve(code + "-" + (usage == null ? "no-eku" : usage.getId()) + "-tls.p12");
        write(store, keyStore);
        return new TlsMaterial(keyStore, PASSWORD::clone, trustStore, PASSWORD::clone);
    }

    /** A client-side SSL context for a plain JMS client (qpid-jms) presenting {@code tls}'s certificate. */
    static SSLContext sslContext(TlsMaterial tls) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(tls.keyStore())) {
            keys.load(in, tls.keyStorePassword().get());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(tls.trustStore())) {
            trust.load(in, tls.trustStorePassword().get());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, tls.keyStorePassword().get());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
        return context;
    }

    private Path writeTrustStore(String name) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("federation-root", root);
        Path path = folder.resolve(name + "-truststore.p12");
        write(store, path);
        return path;
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIALS.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))),
                subject, key);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey) throws Exception {
        String algorithm = "EC".equals(issuerKey.getAlgorithm()) || "ECDSA".equals(issuerKey.getAlgorithm())
                ? "SHA256withECDSA" : "SHA256withRSA";
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
    }

    private static KeyPair ecKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static void write(KeyStore store, Path path) throws Exception {
        try (OutputStream out = Files.newOutputStream(path)) {
            store.store(out, PASSWORD);
        }
    }
}
