package org.ncbgateway.audit;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A small federation made at run time for the audit tests: a root and node signing keys bound to node codes. */
final class AuditFixtures {

    final KeyPair rootKeys = keyPair();
    final X509Certificate root = rootCertificate(rootKeys, "CN=Audit Test Root");
    private final Map<String, StatementSigner> signers = new HashMap<>();

    StatementSigner signer(String node) {
        return signers.computeIfAbsent(node, n -> {
            KeyPair keys = keyPair();
            return new StatementSigner(n, keys.getPrivate(), nodeCertificate(n, keys, rootKeys, root));
        });
    }

    /** A signer for {@code node} whose certificate another root issued. */
    static StatementSigner foreignSigner(String node) {
        KeyPair otherRoot = keyPair();
        X509Certificate otherRootCert = rootCertificate(otherRoot, "CN=Other Root");
        KeyPair keys = keyPair();
        return new StatementSigner(node, keys.getPrivate(), nodeCertificate(node, keys, otherRoot, otherRootCert));
    }

    RootOnlyTrust trust() {
        return new RootOnlyTrust(root);
    }

    SignerCheck signerCheck() {
        return TrustedSigners.under(trust());
    }

    /** An outer layer as the crypto engineer's sealer makes it: SignedData by {@code from} over {header, payload}. */
    byte[] wire(String from, UUID messageId, String kind) {
        String json = "{\"header\":{\"messageId\":\"" + messageId + "\",\"kind\":\"" + kind + "\",\"from\":\"" + from
                + "\",\"to\":[\"DE\"],\"sentAt\":\"2026-11-29T04:00:00Z\",\"expiresAt\":\"2026-12-29T04:00:00Z\","
                + "\"priority\":\"normal\"},\"payload\":\"AAEC\"}";
        return signer(from).sign(json.getBytes(StandardCharsets.UTF_8));
    }

    static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate rootCertificate(KeyPair keys, String name) {
        try {
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(name),
                    BigInteger.ONE, Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(365, ChronoUnit.DAYS)),
                    new X500Name(name), keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate nodeCertificate(String node, KeyPair keys, KeyPair issuerKeys, X509Certificate issuer) {
        try {
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(System.nanoTime()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                    Date.from(now.plus(365, ChronoUnit.DAYS)), new X500Name("CN=" + node), keys.getPublic());
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                    new GeneralName(GeneralName.uniformResourceIdentifier, "urn:ncb:node:" + node)));
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
