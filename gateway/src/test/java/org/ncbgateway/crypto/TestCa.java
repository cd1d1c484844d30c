package org.ncbgateway.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.ncbgateway.pki.NodeCredentials;

/** A certificate authority made at run time for crypto tests, binding node codes as SAN URIs like the federation's. */
final class TestCa {

    static final Instant NOW = Instant.parse("2026-11-29T04:00:00Z");

    private static final AtomicLong SERIALS = new AtomicLong(1000);

    final KeyPair keys;
    final X509Certificate cert;
    private final X500Name name;

    TestCa(String commonName) {
        this.keys = ec();
        this.name = new X500Name("CN=" + commonName + ",O=Example Federation");
        this.cert = issue(name, keys.getPublic(), null, KeyUsage.keyCertSign | KeyUsage.cRLSign,
                NOW.minus(365, ChronoUnit.DAYS), NOW.plus(3650, ChronoUnit.DAYS), true);
    }

    NodeCredentials node(String code, boolean rsa) {
        KeyPair signing = rsa ? rsa() : ec();
        KeyPair encryption = rsa ? rsa() : ec();
        return new NodeCredentials(code,
                signing.getPrivate(), signingCert(code, signing.getPublic()),
                encryption.getPrivate(), encryptionCert(code, encryption.getPublic()));
    }

    X509Certificate signingCert(String code, PublicKey key) {
        return nodeCert(code, key, KeyUsage.digitalSignature | KeyUsage.nonRepudiation,
                NOW.minus(30, ChronoUnit.DAYS), NOW.plus(365, ChronoUnit.DAYS));
    }

    X509Certificate encryptionCert(String code, PublicKey key) {
        int usage = "EC".equals(key.getAlgorithm()) ? KeyUsage.keyAgreement : KeyUsage.keyEncipherment;
        return nodeCert(code, key, usage, NOW.minus(30, ChronoUnit.DAYS), NOW.plus(365, ChronoUnit.DAYS));
    }

    X509Certificate nodeCert(String code, PublicKey key, int keyUsage, Instant notBefore, Instant notAfter) {
        return issue(new X500Name("CN=" + code + ",O=Example Federation"), key, code, keyUsage,
                notBefore, notAfter, false);
    }

    private X509Certificate issue(X500Name subject, PublicKey key, String code, int keyUsage,
                                  Instant notBefore, Instant notAfter, boolean ca) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name == null ? subject : name,
                    BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                    subject, key);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            if (code != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                        new GeneralName(GeneralName.uniformResourceIdentifier, "urn:ncb:node:" + code)));
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").setProvider(CryptoProviders.BC)
                            .build(keys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
