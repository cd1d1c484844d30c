package org.ncbgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitFileTest {

    @TempDir
    Path dir;

    @Test
    void one_force_covers_every_write_before_it() throws IOException {
        try (GroupCommitFile file = open(dir.resolve("ids"))) {
            long first = file.write(bytes("a\n"));
            long second = file.write(bytes("b\n"));

            file.force(second);
            file.force(first);

            assertThat(file.forces()).isEqualTo(1);
            file.force(file.write(bytes("c\n")));
            assertThat(file.forces()).isEqualTo(2);
        }
        assertThat(Files.readAllLines(dir.resolve("ids"))).containsExactly("a", "b", "c");
    }

    @Test
    void concurrent_writers_each_find_their_line_in_the_file() throws Exception {
        Path path = dir.resolve("ids");
        int threads = 8;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (GroupCommitFile file = open(path)) {
            List<Future<Void>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int writer = t;
                done.add(pool.submit((Callable<Void>) () -> {
                    for (int i = 0; i < each; i++) {
                        file.force(file.write(bytes(writer + "-" + i + "\n")));
                    }
                    return null;
                }));
            }
            for (Future<Void> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> lines = Files.readAllLines(path);
        assertThat(lines).hasSize(threads * each).doesNotHaveDuplicates();
        for (int t = 0; t < threads; t++) {
            String prefix = t + "-";
            // each writer's own lines stay in the order it wrote them
            assertThat(lines.stream().filter(l -> l.startsWith(prefix)).toList())
                    .isSortedAccordingTo((a, b) -> Integer.compare(number(a), number(b)));
        }
    }

    @Test
    void refuses_everything_after_a_failed_write_naming_the_file() throws IOException {
        Path path = dir.resolve("ids");
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        GroupCommitFile file = new GroupCommitFile(path, channel);
        long ticket = file.write(bytes("a\n"));
        channel.close();

        assertThatThrownBy(() -> file.write(bytes("b\n"))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> file.force(ticket)).isInstanceOf(IOException.class)
                .hasMessageContaining(path.toString()).hasMessageContaining("failed earlier");
        assertThatThrownBy(() -> file.write(bytes("c\n"))).hasMessageContaining("until it is reopened");
    }

    private static GroupCommitFile open(Path path) throws IOException {
        return new GroupCommitFile(path, FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static int number(String line) {
        return Integer.parseInt(line.substring(line.indexOf('-') + 1));
    }
}
