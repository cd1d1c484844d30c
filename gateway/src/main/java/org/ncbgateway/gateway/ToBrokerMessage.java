package org.ncbgateway.gateway;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.ncbgateway.transport.MessageProperties;

/**
 * Turns a {@link WireMessage} body into what goes onto a broker address: the bytes as body and the
 * properties of SPEC section 5 (for a {@link WitnessMessage}, those of the witnessing extension),
 * {@code _AMQ_DUPL_ID} included so that the broker drops a copy it has already taken. Every other header is removed first: headers of the message being answered (a
 * received message's duplicate id above all) must never leak into the answer.
 */
public final class ToBrokerMessage implements Processor {

    /** Camel header naming the next hop of a copy bound to {@code ncb.out.<HOP>}. */
    public static final String NEXT_HOP = "ncbNextHop";

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        if (message.getBody() instanceof WitnessMessage witness) {
            message.removeHeaders("*");
            message.setHeader(MessageProperties.WITNESS, witness.type());
            message.setHeader(MessageProperties.FROM, witness.from());
            message.setHeader(MessageProperties.DUPLICATE_ID, witness.duplicateId());
            message.setHeader(NEXT_HOP, witness.nextHop());
            message.setBody(witness.body());
            return;
        }
        WireMessage wire = message.getMandatoryBody(WireMessage.class);
        message.removeHeaders("*");
        message.setHeader(MessageProperties.MESSAGE_ID, wire.messageId());
        message.setHeader(MessageProperties.FROM, wire.from());
        message.setHeader(MessageProperties.KIND, wire.kind());
        message.setHeader(MessageProperties.DUPLICATE_ID, wire.messageId());
        wire.nextHop().ifPresent(hop -> message.setHeader(NEXT_HOP, hop));
        message.setBody(wire.body());
    }
}
