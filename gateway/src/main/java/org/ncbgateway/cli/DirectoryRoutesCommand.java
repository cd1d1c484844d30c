package org.ncbgateway.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryException;
import org.ncbgateway.pki.PkiException;
import org.ncbgateway.routing.AddressingException;
import org.ncbgateway.routing.RoutingTable;
import org.ncbgateway.routing.Topology;
import org.ncbgateway.routing.TopologySvg;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ncb directory routes}: the routing table of one node, and the federation drawn as SVG. */
@Command(name = "routes", mixinStandardHelpOptions = true,
        description = "Print the routing table of a node: next hops and route to every node, region and all.")
public final class DirectoryRoutesCommand extends ReportingCommand {

    @Mixin
    DirectoryFile.Options input;

    @Option(names = "--from", required = true, paramLabel = "NODE", description = "The node whose routes to print.")
    String from;

    @Option(names = "--svg", paramLabel = "FILE", description = "Also draw the federation's topology as SVG into FILE.")
    Path svg;

    @Override
    protected int execute() throws PkiException, DirectoryException, IOException {
        Directory directory = input.read().directory();
        Topology topology;
        try {
            topology = new Topology(directory);
            print(directory, RoutingTable.from(topology, from));
        } catch (AddressingException e) {
            return fail(input.file + ": " + e.getMessage());
        }
        if (svg != null) {
            Files.writeString(svg, TopologySvg.draw(topology), StandardCharsets.UTF_8);
            out().printf("topology drawn in %s%n", svg);
        }
        return 0;
    }

    private void print(Directory directory, List<RoutingTable.Row> rows) {
        out().printf("routes from %s, directory version %d (%d nodes)%n", from, directory.version(),
                directory.nodes().size());
        String format = "%-18s %-28s %s%n";
        out().printf(format, "DESTINATION", "NEXT HOPS", "ROUTE");
        for (RoutingTable.Row row : rows) {
            String route = row.route().isEmpty()
                    ? row.why() + ": " + String.join(" ", row.reaches())
                    : String.join(" > ", row.route()) + " (" + row.why() + ")";
            out().printf(format, row.destination(), String.join(",", row.nextHops()), route);
        }
    }
}
