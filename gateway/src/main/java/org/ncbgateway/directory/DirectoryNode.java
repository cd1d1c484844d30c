package org.ncbgateway.directory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * One node of the signed directory (SPEC section 6). Certificates are PEM text as signed by the
 * root authority; {@code hub} is the code of the hub that serves the node (null for the secretariat
 * when it has none), {@code links} the nodes it has a direct broker link to.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DirectoryNode(String code, NodeRole role, String name, Region region, String hub,
                            List<String> links, String endpoint, String signingCert, String encryptionCert) {

    public DirectoryNode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(role, "role");
        links = links == null ? List.of() : List.copyOf(links);
    }
}
