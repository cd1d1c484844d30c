package org.ncbgateway.crypto;

import java.util.UUID;

/** Knows which message ids this node has already accepted; the store behind it is durable. */
@FunctionalInterface
public interface ReplayGuard {

    boolean acceptedBefore(UUID messageId);
}
