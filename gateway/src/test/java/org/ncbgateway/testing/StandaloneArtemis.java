package org.ncbgateway.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ncbgateway.transport.Endpoint;
import org.ncbgateway.transport.NodeBroker;
import org.ncbgateway.transport.TlsMaterial;

/**
 * A broker instance of the Apache Artemis distribution, created with {@code artemis create}, configured
 * with the example files of {@code transport/standalone/} and run as its own process. The build unpacks
 * the distribution into target/ (maven-dependency-plugin); {@link #home()} says where.
 */
public final class StandaloneArtemis implements AutoCloseable {

    private static final Duration START_PATIENCE = Duration.ofSeconds(90);
    private static final String ACTIVE = "AMQ221007";

    private final Path instance;
    private Process process;

    private StandaloneArtemis(Path instance) {
        this.instance = instance;
    }

    /** The unpacked distribution, or empty when the build has not unpacked it. */
    public static Optional<Path> home() {
        Path home = Path.of(System.getProperty("ncb.artemis.home", "target/apache-artemis"));
        return Files.isRegularFile(home.resolve("bin/artemis")) ? Optional.of(home) : Optional.empty();
    }

    /** {@code artemis create} into {@code instance}, then the example configuration and the transport classes. */
    public static StandaloneArtemis create(Path home, Path instance) throws Exception {
        run(List.of("/bin/sh", home.resolve("bin/artemis").toString(), "create", instance.toString(),
                "--silent", "--no-web", "--no-autotune", "--nio", "--require-login",
                "--user", "unused", "--password", "unused-" + System.nanoTime(),
                "--no-mqtt-acceptor", "--no-stomp-acceptor", "--no-hornetq-acceptor"), instance.resolveSibling("create.log"));
        for (String file : List.of("broker.xml", "bootstrap.xml")) {
            try (InputStream in = StandaloneArtemis.class.getResourceAsStream("/transport/standalone/" + file)) {
                Files.copy(in, instance.resolve("etc").resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        jarTransportClasses(instance.resolve("lib").resolve("ncb-transport.jar"));
        return new StandaloneArtemis(instance);
    }

    /** Starts {@code artemis run} with {@code properties} as system properties; returns once the broker is active. */
    /**
     * Starts the broker as node {@code node} of the example configuration: TLS acceptor on {@code acceptor}
     * with the node's {@code tls} stores, bridging {@code ncb.out.DE} to {@code deHop}.
     */
    public void startAsNode(String node, Endpoint acceptor, TlsMaterial tls, Endpoint deHop) throws IOException {
        start(Map.of(
                "ncb.node", node,
                "ncb.tls.host", acceptor.host(),
                "ncb.tls.port", String.valueOf(acceptor.port()),
                "ncb.tls.keystore", tls.keyStore().toString(),
                "ncb.tls.keystore.password", new String(tls.keyStorePassword().get()),
                "ncb.tls.truststore", tls.trustStore().toString(),
                "ncb.tls.truststore.password", new String(tls.trustStorePassword().get()),
                "ncb.cluster.password", UUID.randomUUID().toString(),
                "ncb.hop.DE.host", deHop.host(),
                "ncb.hop.DE.port", String.valueOf(deHop.port())));
    }

    private void start(Map<String, String> properties) throws IOException {
        String javaArgs = "-Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 " + properties.entrySet().stream()
                .map(property -> "-D" + property.getKey() + "=" + property.getValue())
                .collect(Collectors.joining(" "));
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", instance.resolve("bin/artemis").toString(), "run")
                .redirectErrorStream(true)
                .redirectOutput(log().toFile());
        builder.environment().put("JAVA_ARGS", javaArgs);
        process = builder.start();
        await().atMost(START_PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("standalone Artemis exited with status " + process.exitValue()
                        + ":\n" + Files.readString(log()));
            }
            return Files.readString(log()).contains(ACTIVE);
        });
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private Path log() {
        return instance.resolve("log").resolve("console.log");
    }

    private static void run(List<String> command, Path log) throws Exception {
        Process create = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!create.waitFor(2, TimeUnit.MINUTES) || create.exitValue() != 0) {
            create.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    /** The broker loads the security manager and the admission plugin from the instance's lib/ folder. */
    private static void jarTransportClasses(Path jar) throws IOException, URISyntaxException {
        Path classes = Path.of(NodeBroker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path transport = classes.resolve("org/ncbgateway/transport");
        try (OutputStream out = Files.newOutputStream(jar);
             JarOutputStream jarOut = new JarOutputStream(out);
             Stream<Path> files = Files.list(transport)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                jarOut.write(Files.readAllBytes(file));
                jarOut.closeEntry();
            }
        }
    }
}
