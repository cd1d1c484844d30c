package org.ncbgateway.gateway;

import java.util.Map;
import java.util.TreeMap;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryNode;
import org.ncbgateway.routing.NextHops;
import org.ncbgateway.transport.Endpoint;

/**
 * The broker endpoint of every node this node may hand a message to: the directory's {@code endpoint},
 * unless the node configuration overrides it with {@code peer.<CODE>.endpoint}.
 */
final class NextHopEndpoints {

    private NextHopEndpoints() {
    }

    static Map<String, Endpoint> of(Directory directory, NodeConfig config) {
        Map<String, Endpoint> endpoints = new TreeMap<>();
        for (String hop : new NextHops(directory).neighbours(config.nodeCode())) {
            Endpoint override = config.peerEndpoints().get(hop);
            if (override != null) {
                endpoints.put(hop, override);
                continue;
            }
            DirectoryNode node = directory.node(hop).orElseThrow();
            try {
                endpoints.put(hop, Endpoint.parse(node.endpoint()));
            } catch (IllegalArgumentException e) {
                throw new NodeConfigException("directory version " + directory.version() + ", node " + hop
                        + ", endpoint: " + e.getMessage(), e);
            }
        }
        return endpoints;
    }
}
