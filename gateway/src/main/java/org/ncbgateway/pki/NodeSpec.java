package org.ncbgateway.pki;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.ncbgateway.directory.NodeRole;
import org.ncbgateway.directory.Region;

/**
 * One node of a federation specification ({@code federation.json}): what the directory says of it,
 * and the key type its certificates get ({@code ec} or {@code rsa}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeSpec(String code, NodeRole role, String name, Region region, String hub, List<String> links,
                       String endpoint, String keys) {

    public NodeSpec {
        links = links == null ? List.of() : List.copyOf(links);
        keys = keys == null ? KeyAlgorithm.EC_P256.wireName() : keys;
    }

    public KeyAlgorithm keyAlgorithm() {
        return KeyAlgorithm.fromWireName(keys);
    }

    /** The host part of {@code host:port}, put into the TLS certificate. */
    public String host() {
        return endpoint.substring(0, endpoint.lastIndexOf(':'));
    }

    public NodeSpec withKeys(KeyAlgorithm algorithm) {
        return new NodeSpec(code, role, name, region, hub, links, endpoint, algorithm.wireName());
    }
}
