package org.ncbgateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ncbgateway.routing.Headers.diffusion;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.testing.ExampleFederation;

/** Routing over the checked-in example federation's signed directory. */
class ExampleFederationRoutesTest {

    private final Directory directory = ExampleFederation.directory();
    private final NextHops routing = new NextHops(directory);

    @Test
    void every_addressing_reaches_each_recipient_once_and_nobody_else() {
        DeliverySimulation.assertEveryAddressingReachesEachRecipientOnce(routing, directory);
    }

    @Test
    void the_direct_links_of_the_example_carry_their_traffic() {
        assertThat(routing.plan("ES", diffusion("ES", "MA")).hops()).containsExactly("MA");
        assertThat(routing.plan("BR", diffusion("BR", "US")).hops()).containsExactly("US");
        assertThat(routing.plan("FR", diffusion("FR", "all")).hops()).containsExactly("BE", "DE", "HUB-EUROPE");
    }

    @Test
    void the_secretariat_reaches_each_region_through_its_own_link_to_that_hub() {
        MessageHeader notice = Headers.header(MessageKind.NOTICE, "GS", List.of("all"), List.of("BE"));
        assertThat(routing.plan("GS", notice).hops())
                .containsExactly("HUB-AFRICA", "HUB-AMERICAS", "HUB-ASIA", "HUB-EUROPE", "HUB-MIDDLE-EAST");
        assertThat(routing.plan("HUB-EUROPE", notice).hops()).containsExactly("DE", "ES", "FR", "IT", "NL");
        DeliverySimulation.Outcome outcome = DeliverySimulation.run(routing, notice);
        assertThat(outcome.delivered()).hasSize(15).doesNotContain("BE");
    }

    @Test
    void a_region_diffusion_with_an_exclusion_fans_out_at_the_region_hub() {
        MessageHeader header = diffusion("NG", List.of("region:EUROPE"), List.of("IT"));
        assertThat(routing.plan("HUB-AFRICA", header).hops()).containsExactly("HUB-EUROPE");
        assertThat(routing.plan("HUB-EUROPE", header).hops()).containsExactly("BE", "DE", "ES", "FR", "NL");
    }

    @Test
    void a_notice_request_reaches_the_secretariat_through_the_requester_hub() {
        MessageHeader request = Headers.header(MessageKind.NOTICE_REQUEST, "JO", List.of("GS"), List.of());
        assertThat(routing.topology().path("JO", "GS")).containsExactly("JO", "HUB-MIDDLE-EAST", "GS");
        assertThat(DeliverySimulation.run(routing, request).delivered()).containsExactly("GS");
    }
}
