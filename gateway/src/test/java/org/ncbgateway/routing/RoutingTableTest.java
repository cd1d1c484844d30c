package org.ncbgateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RoutingTableTest {

    private final Topology topology = new Topology(SyntheticDirectory.federation());

    private Map<String, RoutingTable.Row> rows(String origin) {
        return RoutingTable.from(topology, origin).stream()
                .collect(Collectors.toMap(RoutingTable.Row::destination, Function.identity()));
    }

    @Test
    void lists_every_other_node_every_region_and_all() {
        Map<String, RoutingTable.Row> rows = rows("FR");
        assertThat(rows).hasSize(21 + 5 + 1).doesNotContainKey("FR");
        assertThat(rows.get("DE").route()).containsExactly("FR", "DE");
        assertThat(rows.get("DE").why()).isEqualTo("direct link");
        assertThat(rows.get("PH").route()).containsExactly("FR", "HUB-EUROPE", "HUB-ASIA", "PH");
        assertThat(rows.get("PH").nextHops()).containsExactly("HUB-EUROPE");
        assertThat(rows.get("GS").route()).containsExactly("FR", "HUB-EUROPE", "GS");
    }

    @Test
    void region_and_all_rows_give_the_fan_out_next_hops_and_recipients() {
        Map<String, RoutingTable.Row> rows = rows("FR");
        assertThat(rows.get("region:EUROPE").nextHops()).containsExactly("BE", "DE", "HUB-EUROPE");
        assertThat(rows.get("region:EUROPE").reaches()).containsExactly("BE", "DE", "ES", "IT", "NL");
        assertThat(rows.get("all").reaches()).hasSize(15);
    }

    @Test
    void a_region_that_would_reach_nobody_has_no_row() {
        List<String> destinations = RoutingTable.from(new Topology(SyntheticDirectory.create()
                .hub(org.ncbgateway.directory.Region.ASIA).bureaus(org.ncbgateway.directory.Region.ASIA, "ID")
                .build()), "ID").stream().map(RoutingTable.Row::destination).toList();
        assertThat(destinations).containsExactly("HUB-ASIA");
    }
}
