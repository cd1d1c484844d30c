package org.ncbgateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ncbgateway.routing.Headers.diffusion;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.Region;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;

class NextHopsTest {

    private final NextHops routing = new NextHops(SyntheticDirectory.federation());

    @Test
    void a_direct_link_is_the_next_hop() {
        HopPlan plan = routing.plan("FR", diffusion("FR", "DE"));
        assertThat(plan.nextHops()).containsOnlyKeys("DE");
        assertThat(plan.nextHops().get("DE")).containsExactly("DE");
    }

    @Test
    void a_link_listed_on_one_side_only_serves_both_ways() {
        assertThat(routing.plan("DE", diffusion("DE", "FR")).hops()).containsExactly("FR");
    }

    @Test
    void a_bureau_of_the_same_region_without_link_is_reached_through_the_home_hub() {
        MessageHeader header = diffusion("FR", "NL");
        assertThat(routing.plan("FR", header).hops()).containsExactly("HUB-EUROPE");
        HopPlan atHub = routing.plan("HUB-EUROPE", header);
        assertThat(atHub.visited()).containsExactly("FR", "HUB-EUROPE");
        assertThat(atHub.deliverHere()).isFalse();
        assertThat(atHub.hops()).containsExactly("NL");
    }

    @Test
    void a_bureau_of_another_region_is_reached_through_both_hubs() {
        MessageHeader header = diffusion("FR", "NG");
        assertThat(routing.plan("FR", header).hops()).containsExactly("HUB-EUROPE");
        assertThat(routing.plan("HUB-EUROPE", header).hops()).containsExactly("HUB-AFRICA");
        HopPlan atAfrica = routing.plan("HUB-AFRICA", header);
        assertThat(atAfrica.visited()).containsExactly("FR", "HUB-EUROPE", "HUB-AFRICA");
        assertThat(atAfrica.hops()).containsExactly("NG");
        assertThat(routing.plan("NG", header).deliverHere()).isTrue();
    }

    @Test
    void a_region_fans_out_at_its_hub_without_the_excluded_bureau() {
        MessageHeader header = diffusion("NG", List.of("region:EUROPE"), List.of("IT"));
        assertThat(routing.plan("NG", header).hops()).containsExactly("HUB-AFRICA");
        HopPlan atAfrica = routing.plan("HUB-AFRICA", header);
        assertThat(atAfrica.nextHops()).containsOnlyKeys("HUB-EUROPE");
        assertThat(atAfrica.nextHops().get("HUB-EUROPE")).containsExactly("BE", "DE", "ES", "FR", "NL");
        assertThat(routing.plan("HUB-EUROPE", header).hops()).containsExactly("BE", "DE", "ES", "FR", "NL");
        assertThat(DeliverySimulation.run(routing, header).arrivals())
                .containsOnlyKeys("NG", "HUB-AFRICA", "HUB-EUROPE", "BE", "DE", "ES", "FR", "NL");
    }

    @Test
    void all_from_a_bureau_uses_its_links_and_fans_out_at_every_hub() {
        MessageHeader header = diffusion("FR", "all");
        HopPlan atSender = routing.plan("FR", header);
        assertThat(atSender.hops()).containsExactly("BE", "DE", "HUB-EUROPE");
        assertThat(routing.plan("HUB-EUROPE", header).hops())
                .containsExactly("ES", "HUB-AFRICA", "HUB-AMERICAS", "HUB-ASIA", "HUB-MIDDLE-EAST", "IT", "NL");
        DeliverySimulation.Outcome outcome = DeliverySimulation.run(routing, header);
        assertThat(outcome.arrivals().values()).containsOnly(1);
        assertThat(outcome.delivered()).hasSize(15).doesNotContain("FR", "GS");
    }

    @Test
    void a_notice_request_reaches_the_secretariat_through_the_home_hub() {
        MessageHeader header = Headers.header(MessageKind.NOTICE_REQUEST, "JO", List.of("GS"), List.of());
        assertThat(routing.plan("JO", header).hops()).containsExactly("HUB-MIDDLE-EAST");
        assertThat(routing.plan("HUB-MIDDLE-EAST", header).hops()).containsExactly("GS");
        assertThat(routing.plan("GS", header).deliverHere()).isTrue();
    }

    @Test
    void the_secretariat_without_a_hub_publishes_through_every_hub() {
        MessageHeader notice = Headers.header(MessageKind.NOTICE, "GS", List.of("all"), List.of());
        assertThat(routing.plan("GS", notice).hops())
                .containsExactly("HUB-AFRICA", "HUB-AMERICAS", "HUB-ASIA", "HUB-EUROPE", "HUB-MIDDLE-EAST");
        assertThat(DeliverySimulation.run(routing, notice).delivered()).hasSize(16);
    }

    @Test
    void a_directory_update_is_delivered_by_every_node_once_hubs_included() {
        MessageHeader update = Headers.header(MessageKind.DIRECTORY_UPDATE, "GS", List.of("all"), List.of());
        DeliverySimulation.Outcome outcome = DeliverySimulation.run(routing, update);
        assertThat(outcome.arrivals().values()).containsOnly(1);
        assertThat(outcome.delivered()).hasSize(21).contains("HUB-EUROPE", "HUB-ASIA");
    }

    @Test
    void a_node_off_the_route_neither_delivers_nor_relays() {
        HopPlan plan = routing.plan("HUB-ASIA", diffusion("FR", "DE"));
        assertThat(plan.onRoute()).isFalse();
        assertThat(plan.deliverHere()).isFalse();
        assertThat(plan.hops()).isEmpty();
    }

    @Test
    void neighbours_are_the_home_hub_and_links_of_a_bureau_every_hub_and_bureau_of_a_hub() {
        assertThat(routing.neighbours("FR")).containsExactly("BE", "DE", "HUB-EUROPE");
        assertThat(routing.neighbours("HUB-AFRICA")).containsExactly("GS", "HUB-AMERICAS", "HUB-ASIA",
                "HUB-EUROPE", "HUB-MIDDLE-EAST", "MA", "NG", "TN");
        assertThat(routing.neighbours("GS"))
                .containsExactly("HUB-AFRICA", "HUB-AMERICAS", "HUB-ASIA", "HUB-EUROPE", "HUB-MIDDLE-EAST");
    }

    @Test
    void links_forming_loops_never_bring_a_message_twice_to_a_node() {
        Directory loops = SyntheticDirectory.create().secretariat("GS", Region.EUROPE)
                .hub(Region.EUROPE).hub(Region.AFRICA).hub(Region.AMERICAS)
                .bureaus(Region.EUROPE, "FR", "DE", "BE", "NL")
                .bureaus(Region.AFRICA, "NG", "MA")
                .bureaus(Region.AMERICAS, "US", "BR")
                .link("FR", "DE").link("DE", "BE").link("BE", "FR").link("NL", "FR")
                .link("FR", "NG").link("NG", "US").link("US", "FR").link("BR", "HUB-EUROPE")
                .link("GS", "HUB-AFRICA").link("GS", "NG").link("MA", "HUB-AMERICAS")
                .build();
        DeliverySimulation.assertEveryAddressingReachesEachRecipientOnce(new NextHops(loops), loops);
    }

    @Test
    void every_addressing_of_the_federation_reaches_each_recipient_once_and_nobody_else() {
        Directory federation = SyntheticDirectory.federation();
        DeliverySimulation.assertEveryAddressingReachesEachRecipientOnce(routing, federation);
    }
}
