package org.ncbgateway.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.testing.ExampleFederation;
import org.ncbgateway.testing.TestPki;

class NodeKeyStoreTest {

    @TempDir
    Path temp;

    @Test
    void loads_keys_that_match_their_certificates_ec_and_rsa() throws Exception {
        for (String code : List.of("FR", "DE")) {
            NodeCredentials credentials = NodeKeyStore.load(ExampleFederation.nodeDir(code),
                    ExampleFederation.passwords(code));
            assertThat(credentials.code()).isEqualTo(code);
            String algorithm = credentials.signingKey().getAlgorithm().startsWith("EC") ? "SHA256withECDSA"
                    : "SHA256withRSA";
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(credentials.signingKey());
            signer.update("probe".getBytes(StandardCharsets.US_ASCII));
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(credentials.signingCert());
            verifier.update("probe".getBytes(StandardCharsets.US_ASCII));
            assertThat(verifier.verify(signature)).as(code).isTrue();
            assertThat(credentials.encryptionCert().getPublicKey().getAlgorithm())
                    .isEqualTo(credentials.signingCert().getPublicKey().getAlgorithm());
        }
    }

    @Test
    void names_the_keystore_when_the_password_is_wrong() throws Exception {
        Path wrong = temp.resolve("password");
        Files.writeString(wrong, "not-the-password\n");
        assertThatThrownBy(() -> NodeKeyStore.load(ExampleFederation.nodeDir("FR"), PasswordSource.file(wrong)))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("signing.p12").hasMessageContaining("wrong password");
    }

    @Test
    void names_the_missing_keystore() {
        assertThatThrownBy(() -> NodeKeyStore.load(temp, () -> "x".toCharArray()))
                .isInstanceOf(PkiException.class).hasMessageContaining("signing.p12: no such keystore");
    }

    @Test
    void refuses_an_empty_password_file_and_an_unset_variable() throws Exception {
        Path empty = Files.createFile(temp.resolve("password"));
        assertThatThrownBy(() -> PasswordSource.file(empty).password())
                .isInstanceOf(PkiException.class).hasMessageContaining("password file is empty");
        assertThatThrownBy(() -> PasswordSource.environment("NCB_TEST_VARIABLE_THAT_IS_NOT_SET").password())
                .isInstanceOf(PkiException.class).hasMessageContaining("NCB_TEST_VARIABLE_THAT_IS_NOT_SET");
    }

    @Test
    void refuses_keystores_of_two_different_nodes() throws Exception {
        TestPki pki = new TestPki();
        TestPki.Issued signing = pki.issue("FR", KeyPurpose.SIGNING);
        TestPki.Issued encryption = pki.issue("BE", KeyPurpose.ENCRYPTION);
        char[] password = "same-password".toCharArray();
        X509Certificate root = pki.root().certificate();
        NodeKeyStore.write(temp, KeyPurpose.SIGNING, signing.key(), signing.certificate(), root, password);
        NodeKeyStore.write(temp, KeyPurpose.ENCRYPTION, encryption.key(), encryption.certificate(), root, password);
        assertThatThrownBy(() -> NodeKeyStore.load(temp, password::clone))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("signing certificate is for FR but the encryption certificate is for BE");
    }
}
