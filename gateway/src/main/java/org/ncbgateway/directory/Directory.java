package org.ncbgateway.directory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The federation directory of SPEC section 6: every node, its certificates, links, and the current CRL. */
public record Directory(long version, Instant issuedAt, Instant validUntil, List<DirectoryNode> nodes, String crl) {

    public Directory {
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(validUntil, "validUntil");
        nodes = List.copyOf(Objects.requireNonNull(nodes, "nodes"));
    }

    public Optional<DirectoryNode> node(String code) {
        return nodes.stream().filter(n -> n.code().equals(code)).findFirst();
    }
}
