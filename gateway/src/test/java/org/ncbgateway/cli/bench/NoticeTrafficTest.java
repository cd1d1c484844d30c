package org.ncbgateway.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.pki.FederationLayout;
import org.ncbgateway.testing.ExampleFederation;
import org.ncbgateway.transport.Addresses;

class NoticeTrafficTest {

    @Test
    void every_notice_crosses_the_bridge_is_delivered_and_answered_and_leaves_no_message_behind(@TempDir Path data)
            throws Exception {
        try (StoreAndForward brokers = StoreAndForward.start(new FederationLayout(ExampleFederation.dir()), "FR", "DE",
                data)) {
            double seconds = new NoticeTraffic(brokers).seconds(new NoticeWork.Sizes(3000, 2000, 1500), 30, 3, 2);

            assertThat(seconds).isPositive();
            // the receipts all came back (or seconds() would not have returned): nothing waits on any hop
            assertThat(brokers.sending().messageCount(Addresses.out("DE"))).isZero();
            assertThat(brokers.receiving().messageCount(Addresses.IN)).isZero();
            assertThat(brokers.receiving().messageCount(Addresses.out("FR"))).isZero();
            assertThat(brokers.sending().messageCount(Addresses.IN)).isZero();
        }
    }
}
