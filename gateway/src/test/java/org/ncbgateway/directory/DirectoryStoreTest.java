package org.ncbgateway.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.testing.ExampleFederation;

class DirectoryStoreTest {

    @TempDir
    Path data;

    private final DirectoryVerifier verifier = new DirectoryVerifier(ExampleFederation.root());

    @Test
    void starts_empty_and_applies_the_first_directory() throws Exception {
        DirectoryStore store = new DirectoryStore(data, verifier);
        assertThat(store.current()).isEmpty();
        store.apply(ExampleFederation.signedDirectory(), Instant.now());
        assertThat(store.current()).get().extracting(Directory::version).isEqualTo(2L);
        assertThat(data.resolve("directory/history/v2.p7s")).exists();
    }

    @Test
    void keeps_the_directory_in_force_across_restarts_and_refuses_to_go_back() throws Exception {
        new DirectoryStore(data, verifier).apply(ExampleFederation.signedDirectory(), Instant.now());
        DirectoryStore restarted = new DirectoryStore(data, verifier);
        assertThat(restarted.current()).get().extracting(Directory::version).isEqualTo(2L);
        assertThatThrownBy(() -> restarted.apply(ExampleFederation.signedDirectory(), Instant.now()))
                .isInstanceOfSatisfying(DirectoryException.class,
                        e -> assertThat(e.reason()).isEqualTo(DirectoryException.Reason.NOT_NEWER));
    }

    @Test
    void replaces_the_current_directory_with_a_newer_one() throws Exception {
        DirectoryStore store = new DirectoryStore(data, verifier);
        store.apply(ExampleFederation.signedDirectory(), Instant.now());
        Directory current = ExampleFederation.directory();
        Directory newer = new Directory(3, current.issuedAt(), current.validUntil(), current.nodes(), current.crl());
        byte[] signed = DirectorySigner.sign(DirectoryCodec.encode(newer), ExampleFederation.rootAuthority());
        store.apply(signed, Instant.now());
        assertThat(new DirectoryStore(data, verifier).current()).get().extracting(Directory::version).isEqualTo(3L);
        assertThat(Files.readAllBytes(store.currentFile())).isEqualTo(signed);
        try (var files = Files.list(data.resolve("directory"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("current.p7s", "history");
        }
    }
}
