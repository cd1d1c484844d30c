package org.ncbgateway.pki;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ncbgateway.directory.NodeRole;
import org.ncbgateway.json.JsonPointers;
import org.ncbgateway.json.StrictJson;

/**
 * The federation specification {@code federation.json}: the nodes, their roles, regions, hubs, links,
 * endpoints and key types. Input of {@code ncb pki init} and of {@code ncb directory build}.
 */
public record FederationSpec(String name, List<NodeSpec> nodes) {

    /** The example federation of {@code certs-example/}, the default of {@code ncb pki init}. */
    public static final String EXAMPLE_RESOURCE = "/pki/example-federation.json";

    private static final ObjectMapper MAPPER = StrictJson.mapper();
    private static final Pattern ENDPOINT = Pattern.compile("^[A-Za-z0-9.-]+:[0-9]{1,5}$");

    public FederationSpec {
        nodes = List.copyOf(nodes == null ? List.of() : nodes);
    }

    public Optional<NodeSpec> node(String code) {
        return nodes.stream().filter(n -> n.code().equals(code)).findFirst();
    }

    public static FederationSpec read(Path file) throws PkiException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new PkiException(file + ": no such file", e);
        } catch (IOException e) {
            throw new PkiException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    public static FederationSpec example() throws PkiException {
        try (InputStream in = FederationSpec.class.getResourceAsStream(EXAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + EXAMPLE_RESOURCE + " is missing from the jar");
            }
            return parse(in, "built-in example federation");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + EXAMPLE_RESOURCE, e);
        }
    }

    private static FederationSpec parse(InputStream in, String source) throws PkiException, IOException {
        FederationSpec spec;
        try {
            spec = MAPPER.readValue(in, FederationSpec.class);
        } catch (JsonProcessingException e) {
            throw new PkiException(source + ": " + JsonPointers.describe(e), e);
        }
        spec.validate(source);
        return spec;
    }

    public void write(Path file) throws PkiException {
        try {
            byte[] json = MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(this);
            AtomicFiles.write(file, json, false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the federation specification", e);
        }
    }

    /** A copy with {@code node} added; the caller validates. */
    public FederationSpec with(NodeSpec node) {
        List<NodeSpec> all = new ArrayList<>(nodes);
        all.add(node);
        return new FederationSpec(name, all);
    }

    /** Reports the first broken rule, named by its JSON pointer. */
    public void validate(String source) throws PkiException {
        if (nodes.isEmpty()) {
            throw new PkiException(source + ": /nodes: a federation needs at least one node");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            NodeSpec node = nodes.get(i);
            String at = source + ": /nodes/" + i;
            require(NodeCodes.isValid(node.code()), at + "/code: '" + node.code() + "' is not a node code");
            require(codes.add(node.code()), at + "/code: " + node.code() + " appears twice");
            require(node.role() != null, at + "/role: missing (bureau, hub or secretariat)");
            require(node.endpoint() != null && ENDPOINT.matcher(node.endpoint()).matches(),
                    at + "/endpoint: '" + node.endpoint() + "' is not host:port");
            require(node.role() == NodeRole.SECRETARIAT || node.region() != null, at + "/region: missing");
            require(node.role() != NodeRole.HUB || node.code().equals(node.region().hubCode()),
                    at + "/code: the hub of " + node.region() + " must be " + (node.region() == null ? "HUB-<REGION>"
                            : node.region().hubCode()));
            require(node.role() != NodeRole.BUREAU || node.code().length() == 2,
                    at + "/code: a bureau's code is two letters");
            try {
                node.keyAlgorithm();
            } catch (IllegalArgumentException e) {
                throw new PkiException(at + "/keys: " + e.getMessage(), e);
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            NodeSpec node = nodes.get(i);
            String at = source + ": /nodes/" + i;
            if (node.hub() != null) {
                require(node(node.hub()).filter(h -> h.role() == NodeRole.HUB).isPresent(),
                        at + "/hub: " + node.hub() + " is not a hub of this federation");
            }
            require(node.role() != NodeRole.BUREAU || node.hub() != null, at + "/hub: a bureau needs a hub");
            for (int l = 0; l < node.links().size(); l++) {
                String link = node.links().get(l);
                require(codes.contains(link) && !link.equals(node.code()),
                        at + "/links/" + l + ": " + link + " is not another node of this federation");
            }
        }
    }

    private static void require(boolean condition, String message) throws PkiException {
        if (!condition) {
            throw new PkiException(message);
        }
    }
}
