package org.ncbgateway.gateway;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.ncbgateway.audit.LogSealer;
import org.ncbgateway.audit.SealCourier;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.transport.Addresses;
import org.ncbgateway.transport.MessageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a node's seals to its witness over the node's own broker: each seal onto {@code ncb.out.<WITNESS>},
 * persistent, whose bridge forwards it to the witness's {@code ncb.in} when the witness is up (store and
 * forward: the node keeps working and sealing meanwhile). Plain JMS rather than a route, because the shutdown
 * seal is made after the routes stopped and must still leave before the broker stops.
 */
final class WitnessLink implements SealCourier {

    private static final Logger LOG = LoggerFactory.getLogger(WitnessLink.class);

    private final String self;
    private final Supplier<Directory> directory;
    private final ConnectionFactory broker;

    WitnessLink(String self, Supplier<Directory> directory, ConnectionFactory broker) {
        this.self = Objects.requireNonNull(self, "self");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.broker = Objects.requireNonNull(broker, "broker");
    }

    @Override
    public void send(LogSealer.Seal seal) throws JMSException {
        Optional<String> witness = Witnesses.of(directory.get(), self);
        if (witness.isEmpty()) {
            LOG.info("event=seal_not_witnessed node={} sealedSeq={} reason=\"the directory gives this node no witness"
                    + " it links to\"", self, seal.statement().sealedSeq());
            return;
        }
        WitnessMessage message = WitnessMessage.seal(self, witness.get(), seal);
        try (Connection connection = broker.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = session.createProducer(session.createQueue(Addresses.out(witness.get())));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            BytesMessage jms = session.createBytesMessage();
            jms.writeBytes(message.body());
            jms.setStringProperty(MessageProperties.WITNESS, message.type());
            jms.setStringProperty(MessageProperties.FROM, message.from());
            jms.setStringProperty(MessageProperties.DUPLICATE_ID, message.duplicateId());
            producer.send(jms);
        }
        LOG.info("event=seal_sent node={} witness={} sealedSeq={}", self, witness.get(),
                seal.statement().sealedSeq());
    }
}
