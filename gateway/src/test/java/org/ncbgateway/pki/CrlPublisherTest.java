package org.ncbgateway.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x509.CRLReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.directory.NodeRole;
import org.ncbgateway.directory.Region;
import org.ncbgateway.testing.TestPki;

/** Revocation and renewal over a small federation folder created at run time. */
class CrlPublisherTest {

    @TempDir
    Path temp;

    private FederationAuthority authority;
    private FederationLayout layout;

    @BeforeEach
    void createFederation() throws Exception {
        layout = new FederationLayout(temp.resolve("fed"));
        FederationSpec spec = new FederationSpec("test", List.of(
                new NodeSpec("HUB-EUROPE", NodeRole.HUB, "hub", Region.EUROPE, null, List.of(), "127.0.0.1:1", "ec"),
                new NodeSpec("FR", NodeRole.BUREAU, "France", Region.EUROPE, "HUB-EUROPE", List.of(), "127.0.0.1:2",
                        "ec")));
        authority = FederationAuthority.create(layout, spec, 30, null, Instant.now());
    }

    @Test
    void keeps_earlier_entries_and_numbers_each_crl() throws Exception {
        X509Certificate signing = current(KeyPurpose.SIGNING);
        X509Certificate tls = current(KeyPurpose.TLS);
        assertThat(CrlPublisher.crlNumber(Pem.crl(layout.crl()))).isEqualTo(BigInteger.ONE);
        CrlPublisher.revoke(authority, List.of(signing), CRLReason.keyCompromise, Instant.now());
        X509CRL crl = CrlPublisher.revoke(authority, List.of(tls), CRLReason.cessationOfOperation, Instant.now());
        assertThat(CrlPublisher.crlNumber(crl)).isEqualTo(BigInteger.valueOf(3));
        assertThat(crl.getRevokedCertificate(signing).getRevocationReason())
                .isEqualTo(java.security.cert.CRLReason.KEY_COMPROMISE);
        assertThat(crl.getRevokedCertificate(tls)).isNotNull();
        assertThat(new FederationTrust(authority.root().certificate(), Pem.crl(layout.crl())).crl()).isNotNull();
    }

    @Test
    void refuses_to_revoke_twice() throws Exception {
        X509Certificate signing = current(KeyPurpose.SIGNING);
        CrlPublisher.revoke(authority, List.of(signing), CRLReason.unspecified, Instant.now());
        assertThatThrownBy(() -> CrlPublisher.revoke(authority, List.of(signing), CRLReason.unspecified, Instant.now()))
                .isInstanceOf(PkiException.class).hasMessageContaining("already revoked");
    }

    @Test
    void refuses_a_certificate_of_another_root() {
        X509Certificate foreign = new TestPki().issue("FR", KeyPurpose.SIGNING).certificate();
        assertThatThrownBy(() -> CrlPublisher.revoke(authority, List.of(foreign), CRLReason.unspecified, Instant.now()))
                .isInstanceOf(PkiException.class).hasMessageContaining("was not issued by this federation's root");
    }

    @Test
    void renewal_without_the_node_password_moves_nothing() throws Exception {
        Files.delete(layout.node("FR").resolve(PasswordSource.PASSWORD_FILE));
        X509Certificate before = current(KeyPurpose.SIGNING);
        assertThatThrownBy(() -> NodeRenewal.renew(authority, "FR", Set.of(KeyPurpose.SIGNING), true, Instant.now()))
                .isInstanceOf(PkiException.class).hasMessageContaining(PasswordSource.NODE_PASSWORD_ENV);
        assertThat(current(KeyPurpose.SIGNING)).isEqualTo(before);
        assertThat(layout.superseded("FR")).doesNotExist();
        assertThat(Pem.crl(layout.crl()).getRevokedCertificates()).isNull();
    }

    @Test
    void renewal_gives_new_keys_the_trust_accepts_and_revokes_the_old_ones() throws Exception {
        X509Certificate before = current(KeyPurpose.ENCRYPTION);
        Path archive = NodeRenewal.renew(authority, "FR", Set.of(KeyPurpose.ENCRYPTION), true, Instant.now());
        X509Certificate after = current(KeyPurpose.ENCRYPTION);
        FederationTrust trust = new FederationTrust(authority.root().certificate(), Pem.crl(layout.crl()));
        Instant later = Instant.now().plusSeconds(1);
        trust.check(after, KeyPurpose.ENCRYPTION, later);
        assertThatThrownBy(() -> trust.check(before, KeyPurpose.ENCRYPTION, later))
                .hasMessageContaining("revoked");
        assertThat(Pem.certificate(archive.resolve("encryption.pem"))).isEqualTo(before);
        assertThat(NodeKeyStore.load(layout.node("FR"), PasswordSource.forNode(layout.node("FR"))).encryptionCert())
                .isEqualTo(after);
    }

    private X509Certificate current(KeyPurpose purpose) throws PkiException {
        return Pem.certificate(NodeKeyStore.certificate(layout.node("FR"), purpose));
    }
}
