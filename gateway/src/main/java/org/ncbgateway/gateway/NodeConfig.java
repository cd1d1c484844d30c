package org.ncbgateway.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ncbgateway.transport.Endpoint;

/**
 * Everything one node needs to start, read from its properties file (see {@link NodeConfigLoader}).
 *
 * @param nodeCode this node's code in the directory ({@code FR}, {@code HUB-EUROPE}, {@code GS})
 * @param federationDir folder of the federation material: {@code truststore.p12}, {@code directory.p7s}, {@code crl.pem}
 * @param keystoreDir folder holding this node's {@code signing.p12}, {@code encryption.p12} and {@code tls.p12}
 * @param passwordFile file whose first line is the password of this node's keystores
 * @param directoryFile the signed directory this node starts with
 * @param dataDir where the node keeps its broker journal, accepted ids, delivery status and message log
 * @param brokerListen host and port the embedded broker's TLS acceptor binds to (absent with an external broker)
 * @param externalBrokerUrl when present, the node uses this broker instead of embedding one
 * @param dropDir folder whose files are submitted; moved to {@code done/} or {@code failed/}
 * @param deliveryDir folder receiving each verified payload, one file per message
 * @param peerEndpoints endpoints that replace the directory's for some nodes (loopback federations, tests)
 * @param messageExpiry how long a message this node sends may wait for its hops before receivers refuse it
 *        as {@code EXPIRED} ({@code header.expiresAt} = {@code sentAt} + this)
 * @param inboundConsumers how many transacted consumers take messages from {@code ncb.in} at once
 */
public record NodeConfig(String nodeCode, Path federationDir, Path keystoreDir, Path passwordFile,
                         Path directoryFile, Path dataDir, Optional<Endpoint> brokerListen,
                         Optional<String> externalBrokerUrl, Path dropDir, Path deliveryDir,
                         Map<String, Endpoint> peerEndpoints, Duration messageExpiry, int inboundConsumers) {

    public NodeConfig {
        Objects.requireNonNull(nodeCode, "nodeCode");
        Objects.requireNonNull(federationDir, "federationDir");
        Objects.requireNonNull(keystoreDir, "keystoreDir");
        Objects.requireNonNull(passwordFile, "passwordFile");
        Objects.requireNonNull(directoryFile, "directoryFile");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(brokerListen, "brokerListen");
        Objects.requireNonNull(externalBrokerUrl, "externalBrokerUrl");
        Objects.requireNonNull(dropDir, "dropDir");
        Objects.requireNonNull(deliveryDir, "deliveryDir");
        peerEndpoints = Map.copyOf(peerEndpoints);
        Objects.requireNonNull(messageExpiry, "messageExpiry");
    }

    public Path signingKeystore() {
        return keystoreDir.resolve("signing.p12");
    }

    public Path encryptionKeystore() {
        return keystoreDir.resolve("encryption.p12");
    }

    public Path tlsKeystore() {
        return keystoreDir.resolve("tls.p12");
    }

    public Path truststore() {
        return federationDir.resolve("truststore.p12");
    }

    public Path brokerDir() {
        return dataDir.resolve("broker");
    }

    public Path acceptedIdsFile() {
        return dataDir.resolve("accepted-ids");
    }

    public Path statusFile() {
        return dataDir.resolve("delivery-status.jsonl");
    }

    public Path messageLogDir() {
        return dataDir.resolve("log");
    }
}
