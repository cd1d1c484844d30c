package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeFilesTest {

    @TempDir
    Path dir;

    @Test
    void writes_the_file_and_leaves_no_temporary_beside_it() throws IOException {
        Path target = dir.resolve("FR-diffusion-1.json");

        SafeFiles.writeAtomically(target, bytes("{\"a\":1}"));

        assertThat(target).hasContent("{\"a\":1}");
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(target);
        }
    }

    @Test
    void creates_a_missing_folder_on_the_way() throws IOException {
        Path target = dir.resolve("delivery/inner/FR-diffusion-2.json");

        SafeFiles.writeAtomically(target, bytes("payload"));

        assertThat(target).hasContent("payload");
    }

    @Test
    void a_shorter_rewrite_replaces_the_whole_file() throws IOException {
        Path target = dir.resolve("FR-diffusion-3.json");
        SafeFiles.writeAtomically(target, bytes("a much longer first version"));
        Files.writeString(dir.resolve(".FR-diffusion-3.json.tmp"), "left over by a crash, longer than the next");

        SafeFiles.writeAtomically(target, bytes("short"));

        assertThat(target).hasContent("short");
        assertThat(dir.resolve(".FR-diffusion-3.json.tmp")).doesNotExist();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
