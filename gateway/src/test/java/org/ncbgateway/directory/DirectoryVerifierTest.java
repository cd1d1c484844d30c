package org.ncbgateway.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.junit.jupiter.api.Test;
import org.ncbgateway.directory.DirectoryException.Reason;
import org.ncbgateway.pki.RootAuthority;
import org.ncbgateway.testing.ExampleFederation;
import org.ncbgateway.testing.TestPki;

class DirectoryVerifierTest {

    private final DirectoryVerifier verifier = new DirectoryVerifier(ExampleFederation.root());
    private final RootAuthority root = ExampleFederation.rootAuthority();

    @Test
    void accepts_the_example_directory_signed_by_the_root() throws Exception {
        Directory directory = verifier.verify(ExampleFederation.signedDirectory(), OptionalLong.of(1), Instant.now());
        assertThat(directory.version()).isEqualTo(2);
        assertThat(directory.nodes()).hasSize(22);
    }

    @Test
    void refuses_a_directory_signed_by_another_key() {
        TestPki other = new TestPki();
        byte[] signed = DirectorySigner.sign(json(next(3)), other.root());
        assertRefused(signed, OptionalLong.of(2), Reason.NOT_SIGNED_BY_ROOT, "not by the federation root");
    }

    @Test
    void refuses_another_key_posing_as_the_root() {
        TestPki other = new TestPki();
        // the SignedData names the real root as its signer, but the signature comes from another key
        byte[] signed = DirectorySigner.sign(json(next(3)), other.root().privateKey(), root.certificate());
        assertRefused(signed, OptionalLong.of(2), Reason.SIGNATURE_INVALID, "does not verify");
    }

    @Test
    void refuses_an_older_or_equal_version() {
        byte[] signed = ExampleFederation.signedDirectory();
        assertRefused(signed, OptionalLong.of(2), Reason.NOT_NEWER, "version 2 is not newer than the version in force, 2");
        assertRefused(signed, OptionalLong.of(7), Reason.NOT_NEWER, "not newer");
    }

    @Test
    void refuses_a_tampered_directory() {
        byte[] signed = ExampleFederation.signedDirectory().clone();
        byte[] endpoint = "61710".getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(signed, endpoint);
        signed[at + 4] = '9';
        assertRefused(signed, OptionalLong.empty(), Reason.SIGNATURE_INVALID, "altered");
    }

    @Test
    void refuses_an_unsigned_directory() throws Exception {
        CMSSignedData unsigned = new CMSSignedDataGenerator()
                .generate(new CMSProcessableByteArray(json(next(3))), true);
        assertRefused(unsigned.getEncoded(), OptionalLong.empty(), Reason.UNSIGNED, "no signature");
    }

    @Test
    void refuses_an_expired_directory() {
        Directory current = ExampleFederation.directory();
        Directory stale = new Directory(3, current.issuedAt().minus(Duration.ofDays(30)),
                current.issuedAt().minus(Duration.ofDays(1)), current.nodes(), current.crl());
        byte[] signed = DirectorySigner.sign(json(stale), root);
        assertRefused(signed, OptionalLong.of(2), Reason.EXPIRED, "expired at");
    }

    @Test
    void refuses_bytes_that_are_not_cms() {
        assertRefused("{\"version\":3}".getBytes(StandardCharsets.US_ASCII), OptionalLong.empty(), Reason.MALFORMED,
                "not a CMS SignedData");
    }

    @Test
    void names_the_bad_field_of_a_signed_but_invalid_directory() {
        String bad = new String(json(next(3)), StandardCharsets.UTF_8).replace("\"127.0.0.1:61710\"", "\"nowhere\"");
        byte[] signed = DirectorySigner.sign(bad.getBytes(StandardCharsets.UTF_8), root);
        assertRefused(signed, OptionalLong.of(2), Reason.MALFORMED, "/endpoint: 'nowhere' is not host:port");
    }

    private static Directory next(long version) {
        Directory current = ExampleFederation.directory();
        return new Directory(version, current.issuedAt(), current.validUntil(), current.nodes(), current.crl());
    }

    private static byte[] json(Directory directory) {
        return DirectoryCodec.encode(directory);
    }

    private void assertRefused(byte[] signed, OptionalLong current, Reason reason, String message) {
        assertThatThrownBy(() -> verifier.verify(signed, current, Instant.now()))
                .isInstanceOfSatisfying(DirectoryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
