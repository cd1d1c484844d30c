package org.ncbgateway.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class LatencyChartTest {

    private static final List<BenchReport.Latency> POINTS = List.of(
            new BenchReport.Latency("notice", 1, 50, 50, 500, 3, 5, 8, 12, 0),
            new BenchReport.Latency("notice", 1, 200, 199, 2000, 4, 9, 20, 30, 0),
            new BenchReport.Latency("notice", 1, 800, 610, 8000, 40, 300, 480, 520, 0),
            new BenchReport.Latency("notice", 196, 10, 10, 100, 60, 70, 90, 95, 0),
            new BenchReport.Latency("notice", 196, 20, 20, 200, 65, 80, 110, 120, 0));

    @Test
    void draws_p99_and_p50_of_each_recipient_count_as_well_formed_svg() throws Exception {
        Document svg = parse(new LatencyChart(POINTS).svg("latency <against> load & more"));
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        NodeList lines = svg.getElementsByTagName("polyline");
        assertThat(lines.getLength()).isEqualTo(4);
        assertThat(svg.getElementsByTagName("circle").getLength()).isEqualTo(2 * POINTS.size());
        assertThat(texts(svg)).contains("latency <against> load & more", "0", "500", "notice, 1 recipient p99",
                "notice, 196 recipients p50", "offered load (notices per second, log scale)", "latency (ms)");
    }

    @Test
    void puts_a_higher_load_further_right_and_a_higher_latency_higher_up() throws Exception {
        Document svg = parse(new LatencyChart(POINTS).svg("chart"));
        String[] p99OneRecipient = ((Element) svg.getElementsByTagName("polyline").item(0)).getAttribute("points")
                .split(" ");
        assertThat(p99OneRecipient).hasSize(3);
        double[] first = coordinates(p99OneRecipient[0]);
        double[] last = coordinates(p99OneRecipient[2]);
        assertThat(last[0]).isGreaterThan(first[0]);
        assertThat(last[1]).isLessThan(first[1]);
    }

    @Test
    void rounds_the_latency_axis_up_to_one_two_or_five_times_a_power_of_ten() {
        assertThat(LatencyChart.niceCeiling(480)).isEqualTo(500);
        assertThat(LatencyChart.niceCeiling(0.7)).isEqualTo(1);
        assertThat(LatencyChart.niceCeiling(11)).isEqualTo(20);
        assertThat(LatencyChart.niceCeiling(0)).isEqualTo(1);
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document svg) {
        NodeList nodes = svg.getElementsByTagName("text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static double[] coordinates(String point) {
        String[] xy = point.split(",");
        return new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
    }
}
