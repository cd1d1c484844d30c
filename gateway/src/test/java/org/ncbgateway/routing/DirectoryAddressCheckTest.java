package org.ncbgateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ncbgateway.routing.Headers.diffusion;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.Region;
import org.ncbgateway.message.MessageKind;

class DirectoryAddressCheckTest {

    private final Directory directory = SyntheticDirectory.federation();

    private DirectoryAddressCheck at(String self) {
        return new DirectoryAddressCheck(self, () -> directory);
    }

    @Test
    void addresses_a_node_named_directly() {
        assertThat(at("DE").addresses(diffusion("FR", "NG", "DE"))).isTrue();
        assertThat(at("BE").addresses(diffusion("FR", "NG", "DE"))).isFalse();
    }

    @Test
    void addresses_a_bureau_by_its_region_only() {
        assertThat(at("NL").addresses(diffusion("NG", "region:EUROPE"))).isTrue();
        assertThat(at("TN").addresses(diffusion("NG", "region:EUROPE"))).isFalse();
    }

    @Test
    void all_addresses_bureaus_and_not_hubs_nor_the_secretariat() {
        assertThat(at("PH").addresses(diffusion("FR", "all"))).isTrue();
        assertThat(at("HUB-ASIA").addresses(diffusion("FR", "all"))).isFalse();
        assertThat(at("GS").addresses(diffusion("FR", "all"))).isFalse();
    }

    @Test
    void an_excluded_bureau_is_not_addressed_even_when_named() {
        assertThat(at("IT").addresses(diffusion("NG", List.of("region:EUROPE", "IT"), List.of("IT")))).isFalse();
    }

    @Test
    void the_sender_is_not_addressed_by_its_own_message() {
        assertThat(at("FR").addresses(diffusion("FR", "region:EUROPE"))).isFalse();
    }

    @Test
    void the_secretariat_is_addressed_by_a_notice_request_and_hubs_by_a_directory_update() {
        assertThat(at("GS").addresses(Headers.header(MessageKind.NOTICE_REQUEST, "FR", List.of("GS"), List.of())))
                .isTrue();
        assertThat(at("HUB-ASIA").addresses(
                Headers.header(MessageKind.DIRECTORY_UPDATE, "GS", List.of("all"), List.of()))).isTrue();
        assertThat(at("HUB-ASIA").addresses(diffusion("FR", "HUB-ASIA"))).isFalse();
    }

    @Test
    void unknown_addresses_address_nobody_here() {
        assertThat(at("FR").addresses(diffusion("DE", "region:ATLANTIS", "XX"))).isFalse();
    }

    @Test
    void follows_the_directory_in_force_without_restart() {
        AtomicReference<Directory> current = new AtomicReference<>(directory);
        DirectoryAddressCheck atPt = new DirectoryAddressCheck("PT", current::get);
        assertThat(atPt.addresses(diffusion("FR", "region:EUROPE"))).isFalse();
        current.set(SyntheticDirectory.create().hub(Region.EUROPE).bureaus(Region.EUROPE, "FR", "PT").build());
        assertThat(atPt.addresses(diffusion("FR", "region:EUROPE"))).isTrue();
    }
}
