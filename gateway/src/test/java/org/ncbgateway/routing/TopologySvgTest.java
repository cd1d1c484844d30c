package org.ncbgateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryNode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TopologySvgTest {

    private final Directory directory = SyntheticDirectory.federation();

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> ids(Document svg, String tag, String cssClass) {
        NodeList elements = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < elements.getLength(); i++) {
            Element e = (Element) elements.item(i);
            if (List.of(e.getAttribute("class").split(" ")).contains(cssClass)) {
                ids.add(e.getAttribute("id"));
            }
        }
        return ids;
    }

    @Test
    void draws_every_node_region_and_direct_link_as_well_formed_svg() throws Exception {
        Document svg = parse(TopologySvg.draw(new Topology(directory)));
        assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(ids(svg, "g", "node"))
                .containsExactlyInAnyOrderElementsOf(directory.nodes().stream().map(n -> "node-" + n.code()).toList());
        assertThat(ids(svg, "g", "region")).containsExactlyInAnyOrder("region-EUROPE", "region-AFRICA",
                "region-AMERICAS", "region-ASIA", "region-MIDDLE-EAST");
        assertThat(ids(svg, "path", "link"))
                .containsExactlyInAnyOrder("link-FR-DE", "link-FR-BE", "link-ES-MA", "link-US-BR");
        assertThat(ids(svg, "line", "hub-mesh")).hasSize(10);
        assertThat(ids(svg, "g", "bureau")).hasSize(16);
    }

    @Test
    void escapes_names_taken_from_the_directory() throws Exception {
        Directory odd = SyntheticDirectory.create().hub(org.ncbgateway.directory.Region.EUROPE).build();
        DirectoryNode hub = odd.nodes().get(0);
        Directory renamed = new Directory(2, odd.issuedAt(), odd.validUntil(), List.of(new DirectoryNode(hub.code(),
                hub.role(), "Lyon & <Europe> \"hub\"", hub.region(), null, List.of(), null, null, null)), null);
        Document svg = parse(TopologySvg.draw(new Topology(renamed)));
        assertThat(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").item(0).getTextContent())
                .isEqualTo("HUB-EUROPE Lyon & <Europe> \"hub\"");
    }
}
