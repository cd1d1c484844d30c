package org.ncbgateway.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.ncbgateway.message.ReasonCode;
import org.ncbgateway.message.RejectedException;
import org.ncbgateway.testing.ExampleFederation;
import org.ncbgateway.testing.TestPki;

class FederationTrustTest {

    private final TestPki pki = new TestPki();

    @Test
    void accepts_every_example_node_certificate_for_its_purpose() throws Exception {
        FederationTrust trust = ExampleFederation.trust();
        for (String code : List.of("GS", "HUB-MIDDLE-EAST", "FR", "DE", "US", "NG")) {
            for (KeyPurpose purpose : KeyPurpose.values()) {
                X509Certificate certificate = ExampleFederation.certificate(code, purpose);
                assertThatCode(() -> trust.check(certificate, purpose, Instant.now())).doesNotThrowAnyException();
                assertThat(trust.nodeCode(certificate)).isEqualTo(code);
            }
        }
    }

    @Test
    void rejects_revoked_certificate() {
        X509Certificate revoked = ExampleFederation.supersededCertificate("FR", KeyPurpose.SIGNING);
        assertRejected(ExampleFederation.trust(), revoked, KeyPurpose.SIGNING, Instant.now(), ReasonCode.CERT_REVOKED,
                "revoked at");
    }

    @Test
    void accepts_revoked_certificate_at_a_time_before_its_revocation() throws Exception {
        TestPki.Issued issued = pki.issue("FR", KeyPurpose.SIGNING);
        FederationTrust trust = pki.trust(issued.certificate());
        trust.check(issued.certificate(), KeyPurpose.SIGNING, pki.now().minus(Duration.ofMinutes(10)));
        assertRejected(trust, issued.certificate(), KeyPurpose.SIGNING, pki.now(), ReasonCode.CERT_REVOKED, "revoked");
    }

    @Test
    void rejects_expired_certificate() {
        TestPki.Issued issued = pki.issue("FR", KeyPurpose.SIGNING);
        Instant later = issued.certificate().getNotAfter().toInstant().plusSeconds(1);
        assertRejected(pki.trust(), issued.certificate(), KeyPurpose.SIGNING, later, ReasonCode.CERT_EXPIRED, "expired at");
    }

    @Test
    void rejects_certificate_not_yet_valid() {
        TestPki.Issued issued = pki.issue("FR", KeyPurpose.SIGNING, KeyAlgorithm.EC_P256,
                t -> t.withValidity(new Validity(pki.now().plus(Duration.ofDays(1)), pki.now().plus(Duration.ofDays(2)))));
        assertRejected(pki.trust(), issued.certificate(), KeyPurpose.SIGNING, pki.now(), ReasonCode.CERT_EXPIRED,
                "not valid before");
    }

    @Test
    void rejects_encryption_certificate_used_for_signing() {
        X509Certificate encryption = ExampleFederation.certificate("FR", KeyPurpose.ENCRYPTION);
        assertRejected(ExampleFederation.trust(), encryption, KeyPurpose.SIGNING, Instant.now(),
                ReasonCode.CERT_UNTRUSTED, "digitalSignature is missing");
    }

    @Test
    void rejects_signing_certificate_used_for_encryption_ec_and_rsa() {
        for (String code : List.of("FR", "DE")) {
            X509Certificate signing = ExampleFederation.certificate(code, KeyPurpose.SIGNING);
            assertRejected(ExampleFederation.trust(), signing, KeyPurpose.ENCRYPTION, Instant.now(),
                    ReasonCode.CERT_UNTRUSTED, "is missing");
        }
    }

    @Test
    void rejects_signing_certificate_that_is_also_an_encryption_key() {
        TestPki.Issued issued = pki.issue("FR", KeyPurpose.SIGNING, KeyAlgorithm.EC_P256,
                t -> t.withKeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement, List.of()));
        assertRejected(pki.trust(), issued.certificate(), KeyPurpose.SIGNING, pki.now(), ReasonCode.CERT_UNTRUSTED,
                "also an encryption key");
    }

    @Test
    void rejects_tls_certificate_without_client_auth() {
        TestPki.Issued issued = pki.issue("FR", KeyPurpose.TLS, KeyAlgorithm.EC_P256,
                t -> t.withKeyUsage(KeyUsage.digitalSignature, List.of(KeyPurposeId.id_kp_serverAuth)));
        assertRejected(pki.trust(), issued.certificate(), KeyPurpose.TLS, pki.now(), ReasonCode.CERT_UNTRUSTED,
                "serverAuth or clientAuth");
    }

    @Test
    void rejects_certificate_of_an_untrusted_ca_with_the_same_name() {
        TestPki impostor = new TestPki("NCB Test Root CA");
        TestPki.Issued issued = impostor.issue("FR", KeyPurpose.SIGNING);
        assertRejected(pki.trust(), issued.certificate(), KeyPurpose.SIGNING, pki.now(), ReasonCode.CERT_UNTRUSTED,
                "valid signature of the federation root");
    }

    @Test
    void rejects_certificate_of_another_federation() {
        TestPki.Issued issued = pki.issue("FR", KeyPurpose.SIGNING);
        assertRejected(ExampleFederation.trust(), issued.certificate(), KeyPurpose.SIGNING, Instant.now(),
                ReasonCode.CERT_UNTRUSTED, "not by the federation root");
    }

    @Test
    void rejects_the_root_itself_as_a_node_certificate() {
        assertRejected(pki.trust(), pki.root().certificate(), KeyPurpose.SIGNING, pki.now(), ReasonCode.CERT_UNTRUSTED,
                "CA certificate");
    }

    @Test
    void rejects_certificate_whose_cn_disagrees_with_its_node_code() {
        TestPki.Issued issued = pki.issue("FR", KeyPurpose.SIGNING, KeyAlgorithm.EC_P256, t -> t.withCommonName("DE"));
        assertRejected(pki.trust(), issued.certificate(), KeyPurpose.SIGNING, pki.now(), ReasonCode.CERT_UNTRUSTED,
                "CN 'DE' does not agree with node code 'FR'");
    }

    @Test
    void rejects_certificate_bound_to_no_valid_node_code() {
        TestPki.Issued issued = pki.issue("fr", KeyPurpose.SIGNING);
        assertRejected(pki.trust(), issued.certificate(), KeyPurpose.SIGNING, pki.now(), ReasonCode.CERT_UNTRUSTED,
                "not a node code");
    }

    @Test
    void refuses_a_crl_not_signed_by_the_root() {
        TestPki other = new TestPki();
        assertThatThrownBy(() -> new FederationTrust(pki.root().certificate(), other.crl()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not signed by the federation root");
    }

    private static void assertRejected(FederationTrust trust, X509Certificate certificate, KeyPurpose purpose,
                                       Instant at, ReasonCode code, String detail) {
        assertThatThrownBy(() -> trust.check(certificate, purpose, at))
                .isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.detail()).contains(detail);
                });
    }
}
