package org.ncbgateway.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryNode;
import org.ncbgateway.directory.NodeRole;
import org.ncbgateway.directory.Region;

/** Small directories for routing tests: nodes, regions, hubs and links, without certificates. */
final class SyntheticDirectory {

    private final Map<String, DirectoryNode> nodes = new LinkedHashMap<>();

    static SyntheticDirectory create() {
        return new SyntheticDirectory();
    }

    /** The shape of the example federation: five hubs, GS without a hub, links FR-DE, FR-BE, ES-MA, US-BR. */
    static Directory federation() {
        SyntheticDirectory d = create().secretariat("GS", null);
        for (Region region : Region.values()) {
            d.hub(region);
        }
        d.bureaus(Region.EUROPE, "FR", "DE", "BE", "NL", "ES", "IT");
        d.bureaus(Region.MIDDLE_EAST, "TR", "JO", "IQ");
        d.bureaus(Region.AFRICA, "MA", "TN", "NG");
        d.bureaus(Region.ASIA, "ID", "PH");
        d.bureaus(Region.AMERICAS, "US", "BR");
        return d.link("FR", "DE").link("FR", "BE").link("ES", "MA").link("US", "BR").build();
    }

    SyntheticDirectory hub(Region region) {
        return put(new DirectoryNode(region.hubCode(), NodeRole.HUB, region.code() + " hub", region, null,
                List.of(), null, null, null));
    }

    SyntheticDirectory bureaus(Region region, String... codes) {
        for (String code : codes) {
            put(new DirectoryNode(code, NodeRole.BUREAU, code + " bureau", region, region.hubCode(), List.of(),
                    null, null, null));
        }
        return this;
    }

    SyntheticDirectory secretariat(String code, Region region) {
        return put(new DirectoryNode(code, NodeRole.SECRETARIAT, "secretariat", region,
                region == null ? null : region.hubCode(), List.of(), null, null, null));
    }

    /** Listed on {@code from} only: a link is a link whichever side lists it. */
    SyntheticDirectory link(String from, String to) {
        DirectoryNode n = nodes.get(from);
        List<String> links = new ArrayList<>(n.links());
        links.add(to);
        return put(new DirectoryNode(n.code(), n.role(), n.name(), n.region(), n.hub(), links, n.endpoint(),
                n.signingCert(), n.encryptionCert()));
    }

    Directory build() {
        return new Directory(1, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"),
                List.copyOf(nodes.values()), null);
    }

    private SyntheticDirectory put(DirectoryNode node) {
        nodes.put(node.code(), node);
        return this;
    }
}
