package org.ncbgateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ncbgateway.routing.Headers.diffusion;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.Region;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.ReasonCode;
import org.ncbgateway.message.RejectedException;

class RelayCheckTest {

    /** Headers.diffusion is sent at 10:00 and expires at 11:00. */
    private static final Clock TEN_THIRTY = Clock.fixed(Instant.parse("2026-06-01T10:30:00Z"), ZoneOffset.UTC);

    private final AtomicReference<Directory> directory = new AtomicReference<>(SyntheticDirectory.federation());

    private RelayCheck at(String hub, Clock clock) {
        return new RelayCheck(hub, directory::get, clock);
    }

    @Test
    void relays_a_region_diffusion_to_its_bureaus_but_the_excluded_one() throws RejectedException {
        HopPlan plan = at("HUB-EUROPE", TEN_THIRTY).check(diffusion("NG", List.of("region:EUROPE"), List.of("IT")));
        assertThat(plan.hops()).containsExactly("BE", "DE", "ES", "FR", "NL");
        assertThat(plan.visited()).containsExactly("NG", "HUB-AFRICA", "HUB-EUROPE");
    }

    @Test
    void refuses_an_expired_message_with_its_header() {
        MessageHeader header = diffusion("NG", "FR");
        Clock eleven = Clock.fixed(header.expiresAt(), ZoneOffset.UTC);
        assertThatThrownBy(() -> at("HUB-AFRICA", eleven).check(header))
                .isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ReasonCode.EXPIRED);
                    assertThat(e.header()).contains(header);
                });
    }

    @Test
    void refuses_a_message_that_has_no_business_at_this_hub() {
        assertThatThrownBy(() -> at("HUB-ASIA", TEN_THIRTY).check(diffusion("FR", "NG")))
                .isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ReasonCode.NOT_ADDRESSED);
                    assertThat(e.detail()).contains("HUB-ASIA is not on the route");
                });
    }

    @Test
    void refuses_addresses_the_directory_does_not_know() {
        assertThatThrownBy(() -> at("HUB-EUROPE", TEN_THIRTY).check(diffusion("FR", "NL", "PT")))
                .isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ReasonCode.NOT_ADDRESSED);
                    assertThat(e.detail()).contains("to[1]: 'PT' is not a node");
                });
    }

    @Test
    void follows_a_directory_update_without_restart() throws RejectedException {
        RelayCheck hub = at("HUB-EUROPE", TEN_THIRTY);
        assertThat(hub.check(diffusion("FR", "region:EUROPE")).hops()).doesNotContain("PT");
        directory.set(SyntheticDirectory.create().hub(Region.EUROPE).bureaus(Region.EUROPE, "FR", "NL", "PT").build());
        assertThat(hub.check(diffusion("FR", "region:EUROPE")).hops()).containsExactly("NL", "PT");
    }
}
