package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.Priority;

class FolderForcesTest {

    @TempDir
    Path dir;

    @Test
    void one_force_of_the_folder_covers_every_rename_before_it() throws IOException {
        FolderForces names = new FolderForces(dir);
        long first = names.renamed();
        long second = names.renamed();

        names.force(second);
        names.force(first);

        assertThat(names.forces()).isEqualTo(1);
        names.force(names.renamed());
        assertThat(names.forces()).isEqualTo(2);
    }

    @Test
    void a_folder_that_cannot_be_forced_fails_the_caller() {
        FolderForces names = new FolderForces(dir.resolve("gone"));

        assertThatThrownBy(() -> names.force(names.renamed())).isInstanceOf(NoSuchFileException.class);
        assertThat(names.forces()).isZero();
    }

    @Test
    void a_delivery_returns_with_its_file_and_its_name_forced() throws IOException {
        DeliveryFolder folder = new DeliveryFolder(dir.resolve("delivery"));

        Path first = folder.write(header(), bytes("{\"id\":1}"));
        Path second = folder.write(header(), bytes("{\"id\":2}"));

        assertThat(first).hasContent("{\"id\":1}");
        assertThat(second).hasContent("{\"id\":2}");
        assertThat(folder.folderForces()).isEqualTo(2);
    }

    private static MessageHeader header() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new MessageHeader(UUID.randomUUID(), MessageKind.DIFFUSION, "FR", List.of("BE"), List.of(), now,
                now.plus(1, ChronoUnit.DAYS), null, Priority.NORMAL);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
