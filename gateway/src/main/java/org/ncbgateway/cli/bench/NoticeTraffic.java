package org.ncbgateway.cli.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.ncbgateway.transport.Addresses;

/**
 * The broker traffic of bureau-to-bureau notices, with no gateway around: what the routes put on and take from
 * the two nodes' brokers for each notice, with the same persistence, TLS bridges and transactions.
 * <ol>
 * <li>the sender's threads put the sealed notice on the sender's {@code ncb.out.<RECEIVER>} (persistent, no
 *     transaction, as the send route does); its bridge forwards it over TLS to the receiver's {@code ncb.in};</li>
 * <li>the receiver's consumers take it from {@code ncb.in} in a transaction that also puts the delivered payload
 *     on {@code ncb.deliver} and the sealed receipt on {@code ncb.out.<SENDER>} (the receive route's transaction);
 *     a drain takes the payloads from {@code ncb.deliver}, as the national systems do in the benchmark;</li>
 * <li>the receiver's bridge forwards the receipt to the sender's {@code ncb.in}, whose consumers take it, each in
 *     its transaction.</li>
 * </ol>
 */
final class NoticeTraffic {

    private static final long RECEIVE_MILLIS = 100;
    private static final long STALL_SECONDS = 60;

    private final StoreAndForward brokers;

    NoticeTraffic(StoreAndForward brokers) {
        this.brokers = brokers;
    }

    /**
     * Seconds from the first notice sent to the last receipt consumed at the sender.
     *
     * @param consumers transacted consumers of {@code ncb.in} at each node, as the nodes run
     */
    double seconds(NoticeWork.Sizes sizes, int count, int senders, int consumers) throws Exception {
        CountDownLatch receipts = new CountDownLatch(count);
        ExecutorService pool = Executors.newFixedThreadPool(senders + 2 * consumers);
        List<Future<Void>> threads = new ArrayList<>();
        try (DeliverDrain drain = new DeliverDrain(brokers.receiving().connectionFactory())) {
            for (int c = 0; c < consumers; c++) {
                threads.add(pool.submit(() -> answer(sizes, receipts)));
                threads.add(pool.submit(() -> takeReceipts(receipts)));
            }
            long start = System.nanoTime();
            for (int t = 0; t < senders; t++) {
                int share = count / senders + (t < count % senders ? 1 : 0);
                threads.add(pool.submit(() -> send(sizes.notice(), share)));
            }
            ProgressWait.await(receipts, count, threads, Duration.ofSeconds(STALL_SECONDS),
                    done -> new IllegalStateException("broker alone: " + done + " of " + count
                            + " receipts consumed, none for " + STALL_SECONDS + " s"), done -> { });
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(STALL_SECONDS, TimeUnit.SECONDS);
        }
    }

    private Void send(int size, int notices) throws Exception {
        try (Connection connection = brokers.sending().connectionFactory().createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer out = persistent(session.createProducer(session.createQueue(Addresses.out(brokers.to()))));
            byte[] body = new byte[size];
            for (int i = 0; i < notices; i++) {
                out.send(StoreAndForward.message(session, body));
            }
        }
        return null;
    }

    /** The receiver's side: each notice consumed with its copy to ncb.deliver and its receipt out, one transaction. */
    private Void answer(NoticeWork.Sizes sizes, CountDownLatch running) throws Exception {
        byte[] delivered = new byte[sizes.delivered()];
        byte[] receipt = new byte[sizes.receipt()];
        try (Connection connection = brokers.receiving().connectionFactory().createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            MessageConsumer in = session.createConsumer(session.createQueue(Addresses.IN));
            MessageProducer deliver = persistent(session.createProducer(session.createQueue(Addresses.DELIVER)));
            MessageProducer out = persistent(session.createProducer(session.createQueue(Addresses.out(brokers.from()))));
            connection.start();
            while (running.getCount() > 0 && !Thread.currentThread().isInterrupted()) {
                if (in.receive(RECEIVE_MILLIS) != null) {
                    deliver.send(StoreAndForward.message(session, delivered));
                    out.send(StoreAndForward.message(session, receipt));
                    session.commit();
                }
            }
        }
        return null;
    }

    /** The sender's side: each receipt consumed in its transaction. */
    private Void takeReceipts(CountDownLatch receipts) throws Exception {
        try (Connection connection = brokers.sending().connectionFactory().createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            MessageConsumer in = session.createConsumer(session.createQueue(Addresses.IN));
            connection.start();
            while (receipts.getCount() > 0 && !Thread.currentThread().isInterrupted()) {
                if (in.receive(RECEIVE_MILLIS) != null) {
                    session.commit();
                    receipts.countDown();
                }
            }
        }
        return null;
    }

    private static MessageProducer persistent(MessageProducer producer) throws JMSException {
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        return producer;
    }
}
