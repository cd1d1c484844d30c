package org.ncbgateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.message.MessageKind;

class RecipientResolverTest {

    private final Directory directory = SyntheticDirectory.federation();

    private List<String> resolve(MessageKind kind, String from, List<String> to, List<String> excluded) {
        return RecipientResolver.resolve(directory, kind, from, to, excluded).stream()
                .map(n -> n.code()).toList();
    }

    private List<String> diffusion(String from, List<String> to, List<String> excluded) {
        return resolve(MessageKind.DIFFUSION, from, to, excluded);
    }

    @Test
    void node_codes_are_those_bureaus_sorted_and_once() {
        assertThat(diffusion("FR", List.of("NG", "DE", "NG"), List.of())).containsExactly("DE", "NG");
    }

    @Test
    void region_is_every_bureau_of_the_region_but_the_sender() {
        assertThat(diffusion("FR", List.of("region:EUROPE"), List.of()))
                .containsExactly("BE", "DE", "ES", "IT", "NL");
    }

    @Test
    void excluded_bureaus_are_removed_even_when_named() {
        assertThat(diffusion("NG", List.of("region:EUROPE", "IT"), List.of("IT", "BE")))
                .containsExactly("DE", "ES", "FR", "NL");
    }

    @Test
    void all_is_every_bureau_never_a_hub_nor_the_secretariat() {
        List<String> all = diffusion("FR", List.of("all"), List.of("DE"));
        assertThat(all).hasSize(14).doesNotContain("FR", "DE", "GS").noneMatch(c -> c.startsWith("HUB-"));
    }

    @Test
    void regions_and_nodes_combine() {
        assertThat(diffusion("TR", List.of("region:AMERICAS", "region:ASIA", "MA"), List.of()))
                .containsExactly("BR", "ID", "MA", "PH", "US");
    }

    @Test
    void notice_request_goes_to_the_secretariat_alone() {
        assertThat(resolve(MessageKind.NOTICE_REQUEST, "JO", List.of("GS"), List.of())).containsExactly("GS");
    }

    @Test
    void refuses_a_notice_request_to_anyone_but_the_secretariat() {
        assertThatThrownBy(() -> resolve(MessageKind.NOTICE_REQUEST, "JO", List.of("GS", "region:EUROPE"), List.of()))
                .isInstanceOf(AddressingException.class)
                .hasMessage("to[1]: a notice-request is addressed to the secretariat alone, not to region:EUROPE");
    }

    @Test
    void directory_update_to_all_is_for_every_node_hubs_included_but_the_sender() {
        List<String> everyone = resolve(MessageKind.DIRECTORY_UPDATE, "GS", List.of("all"), List.of());
        assertThat(everyone).hasSize(directory.nodes().size() - 1).contains("HUB-EUROPE", "HUB-ASIA", "FR")
                .doesNotContain("GS");
    }

    @Test
    void refuses_a_hub_as_recipient_of_content() {
        assertThatThrownBy(() -> diffusion("FR", List.of("DE", "HUB-AFRICA"), List.of()))
                .isInstanceOf(AddressingException.class)
                .hasMessageContaining("to[1]").hasMessageContaining("HUB-AFRICA is a hub");
    }

    @Test
    void refuses_an_unknown_node() {
        assertThatThrownBy(() -> diffusion("FR", List.of("DE", "XX"), List.of()))
                .isInstanceOf(AddressingException.class)
                .hasMessage("to[1]: 'XX' is not a node of directory version 1");
    }

    @Test
    void refuses_an_unknown_region() {
        assertThatThrownBy(() -> diffusion("FR", List.of("region:EUROP"), List.of()))
                .isInstanceOf(AddressingException.class)
                .hasMessageStartingWith("to[0]: unknown region 'EUROP'");
    }

    @Test
    void refuses_an_empty_address() {
        assertThatThrownBy(() -> diffusion("FR", List.of("DE", " "), List.of()))
                .isInstanceOf(AddressingException.class)
                .hasMessage("to[1]: an address must not be empty");
    }

    @Test
    void refuses_a_misspelt_exclusion_rather_than_widening_the_diffusion() {
        assertThatThrownBy(() -> diffusion("FR", List.of("all"), List.of("DE", "FRA")))
                .isInstanceOf(AddressingException.class)
                .hasMessage("excluded[1]: 'FRA' is not a node of directory version 1");
    }

    @Test
    void refuses_to_exclude_a_hub() {
        assertThatThrownBy(() -> diffusion("FR", List.of("all"), List.of("HUB-ASIA")))
                .isInstanceOf(AddressingException.class)
                .hasMessage("excluded[0]: HUB-ASIA is a hub: only bureaus can be excluded");
    }

    @Test
    void refuses_an_unknown_sender() {
        assertThatThrownBy(() -> diffusion("ZZ", List.of("all"), List.of()))
                .isInstanceOf(AddressingException.class)
                .hasMessageStartingWith("from: 'ZZ'");
    }

    @Test
    void refuses_an_addressing_that_leaves_nobody() {
        assertThatThrownBy(() -> diffusion("US", List.of("region:AMERICAS"), List.of("BR")))
                .isInstanceOf(AddressingException.class)
                .hasMessageStartingWith("to: no recipient left");
    }
}
