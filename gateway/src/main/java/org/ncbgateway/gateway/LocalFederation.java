package org.ncbgateway.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Several nodes of one federation on this machine, on loopback: each with its own configuration file,
 * data folder and embedded broker listening on a free port, every peer endpoint pointed at those ports.
 * Used by {@code ncb demo}, the benchmark and the integration tests. The nodes are not wired to each other in
 * this process: messages, seals and countersignatures all travel through their brokers, as between machines.
 */
public final class LocalFederation implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";

    private final Map<String, Path> configFiles;
    private final Map<String, GatewayNode> running = new LinkedHashMap<>();
    private final Clock clock;

    private LocalFederation(Map<String, Path> configFiles, Clock clock) {
        this.configFiles = configFiles;
        this.clock = clock;
    }

    /** Writes one configuration per node under {@code workDir/<CODE>/}; starts nothing. */
    public static LocalFederation prepare(Path federationDir, Path workDir, List<String> codes, Clock clock)
            throws IOException {
        return prepare(federationDir, workDir, codes, Map.of(), clock);
    }

    /** The same, with further configuration keys for every node ({@code inbound.consumers}...). */
    public static LocalFederation prepare(Path federationDir, Path workDir, List<String> codes,
                                          Map<String, String> settings, Clock clock) throws IOException {
        Map<String, Integer> ports = new TreeMap<>();
        for (String code : codes) {
            ports.put(code, freePort());
        }
        Map<String, Path> files = new LinkedHashMap<>();
        for (String code : codes) {
            Path nodeDir = workDir.resolve(code);
            Files.createDirectories(nodeDir);
            Path file = nodeDir.resolve("node.properties");
            Files.writeString(file, configuration(code, federationDir.toAbsolutePath(), ports, settings),
                    StandardCharsets.UTF_8);
            files.put(code, file);
        }
        return new LocalFederation(files, clock);
    }

    private static String configuration(String code, Path federationDir, Map<String, Integer> ports,
                                        Map<String, String> settings) {
        StringBuilder text = new StringBuilder();
        text.append("# node ").append(code).append(" of a local federation on loopback\n");
        text.append("node.code=").append(code).append('\n');
        text.append("federation.dir=").append(federationDir.toString().replace('\\', '/')).append('\n');
        text.append("data.dir=data\n");
        text.append("broker.listen=").append(LOOPBACK).append(':').append(ports.get(code)).append('\n');
        ports.forEach((peer, port) -> {
            if (!peer.equals(code)) {
                text.append("peer.").append(peer).append(".endpoint=").append(LOOPBACK).append(':').append(port).append('\n');
            }
        });
        new TreeMap<>(settings).forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        }
    }

    public List<String> codes() {
        return new ArrayList<>(configFiles.keySet());
    }

    public Path configFile(String code) {
        Path file = configFiles.get(code);
        if (file == null) {
            throw new IllegalArgumentException("node " + code + " is not part of this local federation");
        }
        return file;
    }

    public NodeConfig config(String code) {
        return NodeConfigLoader.load(configFile(code), Map.of());
    }

    public void startAll() throws Exception {
        for (String code : configFiles.keySet()) {
            start(code);
        }
    }

    public synchronized GatewayNode start(String code) throws Exception {
        if (running.containsKey(code)) {
            throw new IllegalStateException("node " + code + " is already running");
        }
        GatewayNode node = GatewayNode.start(config(code), clock);
        running.put(code, node);
        return node;
    }

    /** Whether {@code code} is the witness of another running node (the directory's rule, {@link Witnesses}). */
    private boolean witnessesOthers(String code) {
        return running.entrySet().stream().anyMatch(other -> !other.getKey().equals(code)
                && Witnesses.of(other.getValue().machinery().directory(), other.getKey()).filter(code::equals)
                        .isPresent());
    }

    public synchronized void stop(String code) throws Exception {
        GatewayNode node = running.remove(code);
        if (node != null) {
            node.close();
        }
    }

    public synchronized GatewayNode node(String code) {
        GatewayNode node = running.get(code);
        if (node == null) {
            throw new IllegalStateException("node " + code + " is not running");
        }
        return node;
    }

    /**
     * Stops every node, the nodes a witness serves before the witness (bureaus before their hub), so that
     * each one's shutdown seal finds its witness running: the witness countersigns it and keeps it in its log
     * (the countersignature waits at the witness for the node's next start).
     */
    @Override
    public synchronized void close() throws Exception {
        List<String> order = new ArrayList<>(running.keySet());
        order.sort(Comparator.comparing(this::witnessesOthers));
        Exception failure = null;
        for (String code : order) {
            try {
                stop(code);
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
