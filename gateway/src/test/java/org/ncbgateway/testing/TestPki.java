package org.ncbgateway.testing;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.x509.CRLReason;
import org.ncbgateway.pki.CertificateTemplate;
import org.ncbgateway.pki.FederationTrust;
import org.ncbgateway.pki.KeyAlgorithm;
import org.ncbgateway.pki.KeyPurpose;
import org.ncbgateway.pki.RootAuthority;
import org.ncbgateway.pki.Validity;

/** A throwaway federation root with keys generated at run time, for certificates a node must refuse. */
public final class TestPki {

    private final Instant now = Instant.now();
    private final RootAuthority root;

    public TestPki() {
        this("NCB Test Root CA");
    }

    /** A root with this CN: two TestPki with the same name differ only by their keys. */
    public TestPki(String rootName) {
        this.root = RootAuthority.create(rootName, Validity.days(now, 30));
    }

    public Instant now() {
        return now;
    }

    public RootAuthority root() {
        return root;
    }

    /** A key pair and the certificate issued for it. */
    public record Issued(PrivateKey key, X509Certificate certificate) {
    }

    public Issued issue(String code, KeyPurpose purpose) {
        return issue(code, purpose, KeyAlgorithm.EC_P256, UnaryOperator.identity());
    }

    /** Issues under the federation profile, changed by {@code change} (validity, usages, CN). */
    public Issued issue(String code, KeyPurpose purpose, KeyAlgorithm algorithm,
                        UnaryOperator<CertificateTemplate> change) {
        KeyPair pair = algorithm.generate();
        CertificateTemplate template = CertificateTemplate.forPurpose(code, purpose, pair.getPublic(),
                Validity.days(now, 10), List.of("127.0.0.1"));
        return new Issued(pair.getPrivate(), root.issue(change.apply(template)));
    }

    /** A CRL of this root listing {@code revoked}, revoked a minute ago. */
    public X509CRL crl(X509Certificate... revoked) {
        Instant at = now.minusSeconds(60);
        return root.crl(Arrays.stream(revoked)
                .map(c -> new RootAuthority.Revocation(c.getSerialNumber(), at, CRLReason.keyCompromise)).toList(),
                BigInteger.ONE, Validity.days(now, 1));
    }

    public FederationTrust trust(X509Certificate... revoked) {
        return new FederationTrust(root.certificate(), crl(revoked));
    }
}
