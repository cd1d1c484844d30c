package org.ncbgateway.audit;

import java.io.IOException;

/** Where a replay delivers logged messages: a folder, an Artemis queue. Delivering the same message twice is a no-op. */
public interface ReplayTarget extends AutoCloseable {

    /** @return true when the target did not hold the message yet (or cannot tell: a queue drops duplicates itself) */
    boolean deliver(ReplayedMessage message) throws IOException;

    @Override
    void close() throws IOException;

    /** A logged message to replay, with the properties SPEC section 5 puts on the wire. */
    record ReplayedMessage(String messageId, String from, String kind, byte[] wire) {
    }
}
