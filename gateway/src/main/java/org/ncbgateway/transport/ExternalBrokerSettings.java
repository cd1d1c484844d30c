package org.ncbgateway.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An operator-run Artemis broker or cluster a node uses instead of its embedded broker: where it
 * listens (one or several TLS acceptors, tried in order) and the TLS stores the gateway logs in with.
 */
public record ExternalBrokerSettings(List<Endpoint> endpoints, TlsMaterial tls) {

    public ExternalBrokerSettings {
        endpoints = List.copyOf(Objects.requireNonNull(endpoints, "endpoints"));
        Objects.requireNonNull(tls, "tls");
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("an external broker needs at least one endpoint");
        }
    }

    /**
     * Reads {@code tcp://host:port}, {@code host:port}, or a comma-separated list of them (a cluster,
     * optionally in parentheses). TLS options are not taken from the URL: they come from {@code tls}.
     */
    public static ExternalBrokerSettings parse(String url, TlsMaterial tls) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("external broker url is empty (expected tcp://host:port[,tcp://host:port...])");
        }
        String list = url.strip();
        if (list.startsWith("(") && list.endsWith(")")) {
            list = list.substring(1, list.length() - 1);
        }
        List<Endpoint> endpoints = new ArrayList<>();
        for (String part : list.split(",")) {
            String address = part.strip();
            if (address.startsWith("tcp://")) {
                address = address.substring("tcp://".length());
            }
            if (address.contains("?") || address.contains("/")) {
                throw new IllegalArgumentException("external broker url '" + url + "': '" + part.strip()
                        + "' must be tcp://host:port without options (TLS settings come from the node's stores)");
            }
            try {
                endpoints.add(Endpoint.parse(address));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("external broker url '" + url + "': " + e.getMessage(), e);
            }
        }
        return new ExternalBrokerSettings(endpoints, tls);
    }
}
