package org.ncbgateway.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ncbgateway.pki.KeyAlgorithm;
import org.ncbgateway.pki.KeyPurpose;
import org.ncbgateway.pki.NodeKeyStore;
import org.ncbgateway.pki.Pem;
import org.ncbgateway.testing.ExampleFederation;
import org.ncbgateway.testing.Openssl;

/** certs-example/ as an outside tool sees it, and as the brief describes it. */
class ExampleFederationOpensslTest {

    @Test
    void openssl_accepts_the_signed_directory_with_the_root_alone() {
        Openssl.Result result = Openssl.run("cms", "-verify", "-binary", "-inform", "DER",
                "-in", ExampleFederation.signedDirectoryFile().toString(),
                "-CAfile", ExampleFederation.rootPem().toString(), "-out", "/dev/null");
        assertThat(result.output()).contains("Verification successful");
        assertThat(result.succeeded()).isTrue();
    }

    @Test
    void openssl_verifies_every_node_certificate_against_the_root_and_crl() {
        for (DirectoryNode node : ExampleFederation.directory().nodes()) {
            for (KeyPurpose purpose : KeyPurpose.values()) {
                Path pem = NodeKeyStore.certificate(ExampleFederation.nodeDir(node.code()), purpose);
                Openssl.Result result = verify(pem);
                assertThat(result.succeeded()).as(pem + ": " + result.output()).isTrue();
            }
        }
    }

    @Test
    void openssl_finds_the_superseded_fr_signing_certificate_revoked() throws Exception {
        Path superseded = ExampleFederation.layout().superseded("FR");
        Path pem;
        try (var files = Files.walk(superseded)) {
            pem = files.filter(p -> p.getFileName().toString().equals("signing.pem")).findFirst().orElseThrow();
        }
        Openssl.Result result = verify(pem);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.output()).contains("certificate revoked");
    }

    @Test
    void describes_the_federation_of_the_brief() throws Exception {
        Directory directory = ExampleFederation.directory();
        Map<String, DirectoryNode> nodes = directory.nodes().stream()
                .collect(Collectors.toMap(DirectoryNode::code, n -> n));
        assertThat(nodes.keySet()).containsExactlyInAnyOrder("GS", "HUB-EUROPE", "HUB-AFRICA", "HUB-MIDDLE-EAST",
                "HUB-ASIA", "HUB-AMERICAS", "FR", "DE", "BE", "NL", "ES", "IT", "TR", "JO", "IQ", "MA", "TN", "NG",
                "ID", "PH", "US", "BR");
        assertThat(nodes.get("FR").links()).containsExactlyInAnyOrder("DE", "BE");
        assertThat(nodes.get("MA").links()).containsExactly("ES");
        assertThat(nodes.get("BR").links()).containsExactly("US");
        assertThat(nodes.get("TN").hub()).isEqualTo("HUB-AFRICA");
        assertThat(nodes.get("GS").endpoint()).isEqualTo("127.0.0.1:61700");
        for (DirectoryNode node : directory.nodes()) {
            X509Certificate signing = Pem.certificate(node.signingCert(), node.code());
            boolean rsa = List.of("DE", "US").contains(node.code());
            assertThat(KeyAlgorithm.of(signing.getPublicKey())).as(node.code())
                    .isEqualTo(rsa ? KeyAlgorithm.RSA_3072 : KeyAlgorithm.EC_P256);
        }
        assertThat(ExampleFederation.crl().getRevokedCertificates()).hasSize(1);
        assertThat(directory.validUntil()).isAfter(Instant.now().plus(Duration.ofDays(5 * 365)));
    }

    private static Openssl.Result verify(Path pem) {
        return Openssl.run("verify", "-CAfile", ExampleFederation.rootPem().toString(), "-crl_check",
                "-CRLfile", ExampleFederation.crlPem().toString(), pem.toString());
    }
}
