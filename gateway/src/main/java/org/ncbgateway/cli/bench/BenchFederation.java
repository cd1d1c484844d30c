package org.ncbgateway.cli.bench;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ncbgateway.pki.CertificateTemplate;
import org.ncbgateway.pki.FederationTrust;
import org.ncbgateway.pki.KeyAlgorithm;
import org.ncbgateway.pki.KeyPurpose;
import org.ncbgateway.pki.NodeCredentials;
import org.ncbgateway.pki.RootAuthority;
import org.ncbgateway.pki.Validity;

/**
 * A federation made at run time for benchmarks: a root, a sender and any number of recipient bureaus
 * with two-letter codes (AA, AB...). RSA key generation takes about a second per key, so RSA bureaus
 * share a few key pairs; each still has its own certificate, and the cost of sealing for it (one RSA
 * public-key operation) is the same as with a key of its own.
 */
final class BenchFederation {

    private static final int RSA_KEY_POOL = 4;

    private final RootAuthority root;
    private final Validity validity;
    private final KeyAlgorithm algorithm;
    private final List<KeyPair> keyPool = new ArrayList<>();
    private int reused;

    BenchFederation(KeyAlgorithm algorithm, Instant now) {
        this.algorithm = algorithm;
        this.validity = Validity.days(now.minusSeconds(3600), 30);
        this.root = RootAuthority.create("NCB Bench Root", validity);
    }

    FederationTrust trust() {
        return new FederationTrust(root.certificate(), root.crl(List.of(), java.math.BigInteger.ONE, validity));
    }

    NodeCredentials node(String code) {
        KeyPair signing = keys();
        KeyPair encryption = keys();
        return new NodeCredentials(code, signing.getPrivate(), issue(code, KeyPurpose.SIGNING, signing),
                encryption.getPrivate(), issue(code, KeyPurpose.ENCRYPTION, encryption));
    }

    /** The encryption certificates of {@code count} bureaus, the first of which is {@code first}. */
    List<X509Certificate> recipients(NodeCredentials first, int count) {
        List<X509Certificate> certs = new ArrayList<>(List.of(first.encryptionCert()));
        for (int i = 1; i < count; i++) {
            String code = "" + (char) ('A' + i / 26) + (char) ('A' + i % 26);
            certs.add(issue(code, KeyPurpose.ENCRYPTION, keys()));
        }
        return certs;
    }

    private X509Certificate issue(String code, KeyPurpose purpose, KeyPair keys) {
        return root.issue(CertificateTemplate.forPurpose(code, purpose, keys.getPublic(), validity, List.of()));
    }

    private KeyPair keys() {
        if (algorithm == KeyAlgorithm.EC_P256) {
            return algorithm.generate();
        }
        if (keyPool.size() < RSA_KEY_POOL) {
            keyPool.add(algorithm.generate());
            return keyPool.get(keyPool.size() - 1);
        }
        return keyPool.get(reused++ % RSA_KEY_POOL);
    }
}
