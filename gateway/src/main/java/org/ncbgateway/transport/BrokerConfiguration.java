package org.ncbgateway.transport;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.invm.TransportConstants;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptorFactory;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * The embedded broker's configuration, built in code from {@link BrokerSettings}: a durable, synced
 * journal in the node's data folder; a TLS 1.3 acceptor that requires federation client certificates;
 * an in-VM acceptor for the local gateway; the fixed addresses of SPEC section 5; dead-letter and
 * expiry for every address; paging instead of dropping; duplicate detection with a persisted cache.
 */
final class BrokerConfiguration {

    static final String TLS_ACCEPTOR = "federation-tls";
    static final String IN_VM_ACCEPTOR = "gateway-in-vm";

    private BrokerConfiguration() {
    }

    static Configuration build(BrokerSettings settings, int inVmServerId, String liveTrust) {
        Path data = settings.dataDir();
        Configuration config = new ConfigurationImpl()
                .setName("ncb-" + settings.nodeCode())
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalDatasync(true)
                .setJournalSyncTransactional(true)
                .setJournalSyncNonTransactional(true)
                .setJournalDirectory(data.resolve("journal").toString())
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                .setLargeMessagesDirectory(data.resolve("large-messages").toString())
                .setNodeManagerLockDirectory(data.toString())
                .setThreadPoolMaxSize(BrokerThreads.ownWork())
                .setIDCacheSize(settings.limits().duplicateIdCacheSize())
                .setPersistIDCache(true)
                // A message taken but not acknowledged when the node crashed comes back marked redelivered, which the
                // gateway relies on to process again a message whose id it accepted in the transaction that was lost
                .setPersistDeliveryCountBeforeDelivery(true)
                .setSecurityEnabled(true)
                // Artemis caches logins by certificate subject DN; two certificates with one DN (a renewed
                // and a misissued one) must each be checked on their own, and the check is cheap.
                .setAuthenticationCacheSize(0)
                .setJMXManagementEnabled(false)
                // every message says which node sent it (_AMQ_VALIDATED_USER), set by the broker, not the sender
                .setPopulateValidatedUser(true)
                // The cluster user bypasses security; a random per-run password makes it unusable from outside.
                .setClusterPassword(randomSecret());
        config.addAcceptorConfiguration(new TransportConfiguration(NettyAcceptorFactory.class.getName(),
                TlsParameters.acceptor(settings.acceptor(), settings.tls(), liveTrust), TLS_ACCEPTOR));
        config.addAcceptorConfiguration(new TransportConfiguration(InVMAcceptorFactory.class.getName(),
                Map.of(TransportConstants.SERVER_ID_PROP_NAME, inVmServerId), IN_VM_ACCEPTOR));
        addAddressSettings(config, settings.limits());
        config.putSecurityRoles("#", Roles.everywhere());
        config.putSecurityRoles(Addresses.IN, Roles.inbox());
        for (String address : Addresses.FIXED) {
            config.addQueueConfiguration(anycastQueue(address));
        }
        return config;
    }

    static QueueConfiguration anycastQueue(String name) {
        return QueueConfiguration.of(name).setAddress(name).setRoutingType(RoutingType.ANYCAST)
                .setDurable(true).setAutoDelete(false);
    }

    private static void addAddressSettings(Configuration config, BrokerLimits limits) {
        config.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(Addresses.DLQ))
                .setExpiryAddress(SimpleString.of(Addresses.EXPIRED))
                .setMaxDeliveryAttempts(limits.maxDeliveryAttempts())
                .setRedeliveryDelay(limits.redeliveryDelay().toMillis())
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                .setMaxSizeBytes(limits.addressMaxBytes())
                .setDefaultAddressRoutingType(RoutingType.ANYCAST)
                .setDefaultQueueRoutingType(RoutingType.ANYCAST)
                .setAutoDeleteQueues(false)
                .setAutoDeleteAddresses(false)
                .setAutoDeleteCreatedQueues(false));
        // A message for an ncb address with no queue is kept in the dead-letter queue, not silently lost.
        config.addAddressSetting("ncb.#", new AddressSettings().setSendToDLAOnNoRoute(true));
        // What reached the dead-letter or expiry queue stays there for an operator, however often it is read.
        for (String keep : new String[] {Addresses.DLQ, Addresses.EXPIRED}) {
            config.addAddressSetting(keep, new AddressSettings().setMaxDeliveryAttempts(-1));
        }
    }

    private static String randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }
}
