package org.ncbgateway.transport;

import java.time.Duration;

/**
 * Limits of a node's broker.
 *
 * @param maxMessageBytes       largest message accepted on any address (a notice with photos stays far below)
 * @param addressMaxBytes       memory an address may hold before it pages to disk (never drops)
 * @param duplicateIdCacheSize  duplicate ids remembered per address, persisted in the journal
 * @param maxDeliveryAttempts   failed deliveries after which a message moves to {@code ncb.dlq}
 * @param redeliveryDelay       pause before a message whose consumer rolled back is delivered again
 * @param bridgeRetryInterval   first pause before a bridge reconnects to a peer that is down
 * @param bridgeMaxRetryInterval longest pause between reconnection attempts (the pause doubles up to it)
 */
public record BrokerLimits(int maxMessageBytes, long addressMaxBytes, int duplicateIdCacheSize,
                           int maxDeliveryAttempts, Duration redeliveryDelay,
                           Duration bridgeRetryInterval, Duration bridgeMaxRetryInterval) {

    public BrokerLimits {
        positive("maxMessageBytes", maxMessageBytes);
        positive("addressMaxBytes", addressMaxBytes);
        positive("duplicateIdCacheSize", duplicateIdCacheSize);
        positive("maxDeliveryAttempts", maxDeliveryAttempts);
        if (redeliveryDelay.isNegative()) {
            throw new IllegalArgumentException("redeliveryDelay must not be negative");
        }
        positive("bridgeRetryInterval", bridgeRetryInterval.toMillis());
        if (bridgeMaxRetryInterval.compareTo(bridgeRetryInterval) < 0) {
            throw new IllegalArgumentException("bridgeMaxRetryInterval must not be shorter than bridgeRetryInterval");
        }
    }

    public static BrokerLimits defaults() {
        return new BrokerLimits(16 * 1024 * 1024, 64L * 1024 * 1024, 20_000, 10,
                Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    public BrokerLimits withMaxMessageBytes(int bytes) {
        return new BrokerLimits(bytes, addressMaxBytes, duplicateIdCacheSize, maxDeliveryAttempts,
                redeliveryDelay, bridgeRetryInterval, bridgeMaxRetryInterval);
    }

    public BrokerLimits withBridgeRetry(Duration first, Duration max) {
        return new BrokerLimits(maxMessageBytes, addressMaxBytes, duplicateIdCacheSize, maxDeliveryAttempts,
                redeliveryDelay, first, max);
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
