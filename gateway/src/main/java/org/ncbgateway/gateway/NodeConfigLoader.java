package org.ncbgateway.gateway;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ncbgateway.transport.Endpoint;

/**
 * Reads a node's properties file. Every fixed key can be overridden by the environment variable
 * {@code NCB_<KEY>} (upper case, dots and dashes as underscores: {@code data.dir} by {@code NCB_DATA_DIR}).
 * Relative paths are resolved against the folder of the file, so a configuration can travel with its
 * federation material. Unknown keys are refused: a misspelt key would otherwise silently fall back to a default.
 */
public final class NodeConfigLoader {

    static final Set<String> KEYS = Set.of("node.code", "federation.dir", "keystore.dir", "password.file",
            "directory.file", "data.dir", "broker.listen", "broker.url", "drop.dir", "delivery.dir",
            "message.expiry", "inbound.consumers");
    static final Duration DEFAULT_MESSAGE_EXPIRY = Duration.ofDays(7);
    static final int DEFAULT_INBOUND_CONSUMERS = 8;
    // under a minute a message expires before a hop that is merely restarting is back; past a year a
    // stale copy could still be delivered long after its sender gave up on it
    private static final Duration MIN_MESSAGE_EXPIRY = Duration.ofMinutes(1);
    private static final Duration MAX_MESSAGE_EXPIRY = Duration.ofDays(365);
    // each consumer holds a broker session and a transaction; past this the node only contends for its disk
    private static final int MAX_INBOUND_CONSUMERS = 64;
    private static final Pattern PEER_KEY = Pattern.compile("^peer\\.([A-Z0-9-]+)\\.endpoint$");

    private NodeConfigLoader() {
    }

    public static NodeConfig load(Path file) {
        return load(file, System.getenv());
    }

    public static NodeConfig load(Path file, Map<String, String> environment) {
        Properties properties = read(file);
        Map<String, String> values = new TreeMap<>();
        Set<String> overridden = new HashSet<>();
        Map<String, Endpoint> peers = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).trim();
            Matcher peer = PEER_KEY.matcher(key);
            if (peer.matches()) {
                peers.put(peer.group(1), endpoint(file + ": " + key, value));
            } else if (KEYS.contains(key)) {
                values.put(key, value);
            } else {
                throw new NodeConfigException(file + ": unknown key '" + key + "' (known: "
                        + String.join(", ", new TreeSet<>(KEYS))
                        + ", peer.<CODE>.endpoint)");
            }
        }
        for (String key : KEYS) {
            String variable = environmentVariable(key);
            String override = environment.get(variable);
            if (override != null && !override.isBlank()) {
                values.put(key, override.trim());
                overridden.add(key);
            }
        }
        return build(file, values, peers, overridden);
    }

    /** The environment variable that overrides a key. */
    public static String environmentVariable(String key) {
        return "NCB_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static NodeConfig build(Path file, Map<String, String> values, Map<String, Endpoint> peers,
                                    Set<String> overridden) {
        Path base = file.toAbsolutePath().getParent();
        String code = required(file, values, "node.code");
        Path federation = path(base, required(file, values, "federation.dir"));
        Path keystores = optionalPath(base, values, "keystore.dir").orElse(federation.resolve("nodes").resolve(code));
        Path passwords = optionalPath(base, values, "password.file").orElse(keystores.resolve("password"));
        Path directory = optionalPath(base, values, "directory.file").orElse(federation.resolve("directory.p7s"));
        Path data = path(base, required(file, values, "data.dir"));
        Optional<String> brokerUrl = Optional.ofNullable(values.get("broker.url")).filter(s -> !s.isBlank());
        Optional<Endpoint> listen = Optional.ofNullable(values.get("broker.listen"))
                .map(v -> endpoint(file + ": broker.listen", v));
        if (brokerUrl.isEmpty() && listen.isEmpty()) {
            throw new NodeConfigException(file + ": broker.listen is required when broker.url is not set");
        }
        Path drop = optionalPath(base, values, "drop.dir").orElse(data.resolve("drop"));
        Path delivery = optionalPath(base, values, "delivery.dir").orElse(data.resolve("delivery"));
        Duration expiry = Optional.ofNullable(values.get("message.expiry"))
                .map(v -> messageExpiry(place(file, "message.expiry", overridden), v)).orElse(DEFAULT_MESSAGE_EXPIRY);
        int consumers = Optional.ofNullable(values.get("inbound.consumers"))
                .map(v -> inboundConsumers(place(file, "inbound.consumers", overridden), v))
                .orElse(DEFAULT_INBOUND_CONSUMERS);
        return new NodeConfig(code, federation, keystores, passwords, directory, data, listen, brokerUrl,
                drop, delivery, peers, expiry, consumers);
    }

    /** Where a value came from: the file and key, or the environment variable that overrode it. */
    private static String place(Path file, String key, Set<String> overridden) {
        return overridden.contains(key) ? environmentVariable(key) + " (" + key + ")" : file + ": " + key;
    }

    private static Duration messageExpiry(String place, String value) {
        Duration expiry;
        try {
            expiry = Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new NodeConfigException(place + ": '" + value + "' is not an ISO-8601 duration such as P7D or PT12H",
                    e);
        }
        if (expiry.compareTo(MIN_MESSAGE_EXPIRY) < 0 || expiry.compareTo(MAX_MESSAGE_EXPIRY) > 0) {
            throw new NodeConfigException(place + ": " + value + " is outside " + MIN_MESSAGE_EXPIRY + " .. "
                    + MAX_MESSAGE_EXPIRY.toDays() + " days: a message must outlive a hop's restart and must not"
                    + " be delivered long after its sender gave up on it");
        }
        return expiry;
    }

    private static int inboundConsumers(String place, String value) {
        int consumers;
        try {
            consumers = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new NodeConfigException(place + ": '" + value + "' is not a whole number", e);
        }
        if (consumers < 1 || consumers > MAX_INBOUND_CONSUMERS) {
            throw new NodeConfigException(place + ": " + consumers + " is outside 1 .. " + MAX_INBOUND_CONSUMERS
                    + ": at least one consumer must take ncb.in, and more than " + MAX_INBOUND_CONSUMERS
                    + " only contend for the disk");
        }
        return consumers;
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new NodeConfigException(file + ": cannot read node configuration: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new NodeConfigException(file + ": malformed properties: " + e.getMessage(), e);
        }
        return properties;
    }

    private static String required(Path file, Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new NodeConfigException(file + ": " + key + " is required (or set " + environmentVariable(key) + ")");
        }
        return value;
    }

    private static Optional<Path> optionalPath(Path base, Map<String, String> values, String key) {
        return Optional.ofNullable(values.get(key)).filter(s -> !s.isBlank()).map(v -> path(base, v));
    }

    private static Path path(Path base, String value) {
        return base.resolve(value).normalize();
    }

    private static Endpoint endpoint(String place, String value) {
        try {
            return Endpoint.parse(value);
        } catch (IllegalArgumentException e) {
            throw new NodeConfigException(place + ": " + e.getMessage(), e);
        }
    }
}
