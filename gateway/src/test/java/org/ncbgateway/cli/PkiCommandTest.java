package org.ncbgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.pki.FederationLayout;
import org.ncbgateway.pki.KeyPurpose;
import org.ncbgateway.pki.NodeKeyStore;
import org.ncbgateway.pki.PasswordSource;
import org.ncbgateway.pki.Pem;
import org.ncbgateway.testing.Openssl;
import picocli.CommandLine;

class PkiCommandTest {

    private static final String SMALL_FEDERATION = """
            {"name": "test federation", "nodes": [
              {"code": "GS", "role": "secretariat", "name": "Secretariat", "region": "EUROPE", "hub": "HUB-EUROPE",
               "endpoint": "127.0.0.1:1"},
              {"code": "HUB-EUROPE", "role": "hub", "name": "Hub", "region": "EUROPE", "endpoint": "127.0.0.1:2"},
              {"code": "FR", "role": "bureau", "name": "France", "region": "EUROPE", "hub": "HUB-EUROPE",
               "links": ["DE"], "endpoint": "localhost:3"},
              {"code": "DE", "role": "bureau", "name": "Germany", "region": "EUROPE", "hub": "HUB-EUROPE",
               "links": ["FR"], "endpoint": "127.0.0.1:4"}
            ]}
            """;

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void init_creates_a_federation_that_openssl_and_the_verifier_accept() throws Exception {
        // RSA keys are left to certs-example (DE, US), whose generation takes too long for a unit test
        Path fed = init();
        FederationLayout layout = new FederationLayout(fed);
        assertThat(out.toString()).contains("4 nodes (0 RSA-3072, 4 ECDSA P-256), directory version 1");
        assertThat(NodeKeyStore.load(layout.node("FR"), PasswordSource.forNode(layout.node("FR"))).code())
                .isEqualTo("FR");
        assertThat(Openssl.run("verify", "-CAfile", layout.rootCertificate().toString(), "-crl_check", "-CRLfile",
                layout.crl().toString(), NodeKeyStore.certificate(layout.node("FR"), KeyPurpose.TLS).toString())
                .succeeded()).isTrue();
        assertThat(run("directory", "verify", "--root", layout.rootCertificate().toString(),
                layout.directorySigned().toString())).isZero();
        assertThat(out.toString()).contains("valid directory version 1");
    }

    @Test
    void renew_keeps_the_old_keys_and_revokes_them_into_the_next_directory() throws Exception {
        Path fed = init();
        FederationLayout layout = new FederationLayout(fed);
        X509Certificate old = Pem.certificate(NodeKeyStore.certificate(layout.node("FR"), KeyPurpose.SIGNING));
        assertThat(run("pki", "renew", "--dir", fed.toString(), "--node", "FR", "--purpose", "SIGNING",
                "--revoke-old")).isZero();
        try (Stream<Path> files = Files.walk(layout.superseded("FR"))) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("signing.p12", "signing.pem");
        }
        assertThat(Pem.crl(layout.crl()).getRevokedCertificate(old)).isNotNull();
        assertThat(Pem.certificate(NodeKeyStore.certificate(layout.node("FR"), KeyPurpose.SIGNING))).isNotEqualTo(old);
        assertThat(run("directory", "build", "--dir", fed.toString())).isZero();
        assertThat(run("directory", "sign", "--dir", fed.toString())).isZero();
        assertThat(run("directory", "verify", "--root", layout.rootCertificate().toString(), "--current-version", "1",
                layout.directorySigned().toString())).isZero();
        assertThat(out.toString()).contains("valid directory version 2");
        assertThat(run("directory", "show", "--root", layout.rootCertificate().toString(),
                layout.directorySigned().toString())).isZero();
        assertThat(out.toString()).contains("1 revoked certificate(s)").containsPattern("FR +bureau +EUROPE +HUB-EUROPE");
    }

    @Test
    void issue_adds_a_node_and_revoke_lists_its_certificate() throws Exception {
        Path fed = init();
        FederationLayout layout = new FederationLayout(fed);
        assertThat(run("pki", "issue", "--dir", fed.toString(), "--code", "BE", "--region", "EUROPE",
                "--endpoint", "127.0.0.1:5")).isZero();
        assertThat(NodeKeyStore.load(layout.node("BE"), PasswordSource.forNode(layout.node("BE"))).code())
                .isEqualTo("BE");
        assertThat(run("pki", "revoke", "--dir", fed.toString(), "--node", "BE", "--purpose", "ENCRYPTION",
                "--reason", "KEY_COMPROMISE")).isZero();
        X509Certificate revoked = Pem.certificate(NodeKeyStore.certificate(layout.node("BE"), KeyPurpose.ENCRYPTION));
        assertThat(Pem.crl(layout.crl()).getRevokedCertificate(revoked)).isNotNull();
        assertThat(run("directory", "build", "--dir", fed.toString())).isZero();
        assertThat(Files.readString(layout.directoryJson())).contains("\"code\" : \"BE\"", "\"hub\" : \"HUB-EUROPE\"");
    }

    @Test
    void refuses_a_directory_not_newer_than_the_current_version() throws Exception {
        Path fed = init();
        FederationLayout layout = new FederationLayout(fed);
        assertThat(run("directory", "verify", "--root", layout.rootCertificate().toString(), "--current-version", "1",
                layout.directorySigned().toString())).isEqualTo(1);
        assertThat(err.toString()).contains("NOT_NEWER: directory version 1 is not newer than the version in force, 1")
                .doesNotContain("Exception");
    }

    @Test
    void names_the_bad_field_of_a_federation_specification() throws Exception {
        Path spec = temp.resolve("bad.json");
        Files.writeString(spec, SMALL_FEDERATION.replace("\"links\": [\"DE\"]", "\"links\": [\"XX\"]"));
        assertThat(run("pki", "init", "--out", temp.resolve("fed").toString(), "--nodes", spec.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("/nodes/2/links/0: XX is not another node of this federation")
                .doesNotContain("Exception");
    }

    @Test
    void refuses_rsa_for_a_node_outside_the_federation() throws Exception {
        Path spec = temp.resolve("spec.json");
        Files.writeString(spec, SMALL_FEDERATION);
        assertThat(run("pki", "init", "--out", temp.resolve("fed").toString(), "--nodes", spec.toString(),
                "--rsa", "DE,XX")).isEqualTo(1);
        assertThat(err.toString()).contains("--rsa: XX is not a node of the federation");
    }

    @Test
    void refuses_to_overwrite_an_existing_federation() throws Exception {
        Path fed = init();
        assertThat(run("pki", "init", "--out", fed.toString(), "--nodes", temp.resolve("spec.json").toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("already exists and is not an empty folder");
    }

    @Test
    void leaves_nothing_behind_when_the_password_variable_is_unset() throws Exception {
        Path spec = temp.resolve("spec.json");
        Files.writeString(spec, SMALL_FEDERATION);
        Path fed = temp.resolve("fed");
        assertThat(run("pki", "init", "--out", fed.toString(), "--nodes", spec.toString(),
                "--password-env", "NCB_TEST_PASSWORD_NOT_SET")).isEqualTo(1);
        assertThat(err.toString()).contains("NCB_TEST_PASSWORD_NOT_SET").doesNotContain("Exception");
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("spec.json");
        }
    }

    private Path init(String... extra) throws Exception {
        Path spec = temp.resolve("spec.json");
        Files.writeString(spec, SMALL_FEDERATION);
        Path fed = temp.resolve("fed");
        String[] arguments = Stream.concat(Stream.of("pki", "init", "--out", fed.toString(), "--nodes", spec.toString()),
                Stream.of(extra)).toArray(String[]::new);
        assertThat(run(arguments)).as(err.toString()).isZero();
        return fed;
    }

    private int run(String... arguments) {
        CommandLine commandLine = Ncb.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(arguments);
    }
}
