package org.ncbgateway.transport;

import java.util.Map;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQExceptionType;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerPlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses, at the sender's door, what the broker must not store: a message larger than the node's
 * limit, and a message bound for {@code ncb.in} or {@code ncb.out.*} without a duplicate id (without
 * one, a bridge that resends after a reconnect could deliver it twice). The sender gets the reason.
 */
public final class MessageAdmissionPlugin implements ActiveMQServerPlugin {

    static final String NODE_PROPERTY = "node";
    static final String MAX_MESSAGE_BYTES_PROPERTY = "maxMessageBytes";
    private static final Logger LOG = LoggerFactory.getLogger(MessageAdmissionPlugin.class);

    private String nodeCode;
    private long maxMessageBytes;

    /** For an operator-run broker's {@code <broker-plugin>}; {@link #init} then sets node and limit. */
    public MessageAdmissionPlugin() {
    }

    MessageAdmissionPlugin(String nodeCode, long maxMessageBytes) {
        this.nodeCode = nodeCode;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void init(Map<String, String> properties) {
        nodeCode = Addresses.requireNodeCode(properties.get(NODE_PROPERTY));
        String limit = properties.get(MAX_MESSAGE_BYTES_PROPERTY);
        try {
            maxMessageBytes = Long.parseLong(limit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("broker-plugin property " + MAX_MESSAGE_BYTES_PROPERTY
                    + " must be a number of bytes, was '" + limit + "'", e);
        }
        if (maxMessageBytes <= 0) {
            throw new IllegalArgumentException("broker-plugin property " + MAX_MESSAGE_BYTES_PROPERTY + " must be positive");
        }
    }

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct,
                           boolean noAutoCreateQueue) throws ActiveMQException {
        String address = message.getAddress();
        long size = message.getWholeMessageSize();
        if (size > maxMessageBytes) {
            throw refuse(message, address, "message of " + size + " bytes exceeds the limit of "
                    + maxMessageBytes + " bytes of node " + nodeCode);
        }
        if (needsDuplicateId(address) && message.getDuplicateIDBytes() == null) {
            throw refuse(message, address, "message to " + address + " lacks the duplicate id property "
                    + MessageProperties.DUPLICATE_ID + " (the header's messageId)");
        }
    }

    private static boolean needsDuplicateId(String address) {
        return Addresses.IN.equals(address) || Addresses.hopOf(address) != null;
    }

    private ActiveMQException refuse(Message message, String address, String reason) {
        LOG.warn("event=message-refused node={} messageId={} address={} reason=\"{}\"",
                nodeCode, message.getStringProperty(MessageProperties.MESSAGE_ID), address, reason);
        return new ActiveMQException(ActiveMQExceptionType.ILLEGAL_STATE, "refused by node " + nodeCode + ": " + reason);
    }
}
