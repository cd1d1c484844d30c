package org.ncbgateway.transport;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
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

/**
 * A throw-away federation for transport tests: a root CA and node TLS certificates generated at run time
 * (EC P-256), written as PKCS#12 stores into a temporary folder.
 */
final class TestCertificates {

    static final char[] PASSWORD = "test-only-store-password".toCharArray();
    private static final AtomicLong SERIALS = new AtomicLong(1);

    private final Path folder;
    private final KeyPair rootKey;
    private final X500Name rootName;
    private final X509Certificate root;
    private final Path trustStore;

    TestCertificates(Path folder, String rootName) throws Exception {
        this.folder = Files.createDirectories(folder);
        this.rootKey = ecKey();
        this.rootName = new X500Name("CN=" + rootName + ",O=Test Federation");
        X509v3CertificateBuilder builder = builder(this.rootName, this.rootName, rootKey);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        this.root = sign(builder, rootKey);
        this.trustStore = folder.resolve(rootName + "-truststore.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("federation-root", root);
        write(store, trustStore);
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
        X509v3CertificateBuilder builder = builder(rootName, new X500Name("CN=" + code + ",O=Test Federation"), key);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
        if (usage != null) {
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, usage}));
        }
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                new GeneralName(GeneralName.uniformResourceIdentifier, PeerIdentity.NODE_URI_PREFIX + code)));
        X509Certificate certificate = sign(builder, rootKey);
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

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair key) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIALS.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))),
                subject, key.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKey) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
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
