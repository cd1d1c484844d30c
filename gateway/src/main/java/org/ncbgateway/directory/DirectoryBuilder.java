package org.ncbgateway.directory;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.ncbgateway.pki.FederationLayout;
import org.ncbgateway.pki.FederationSpec;
import org.ncbgateway.pki.KeyPurpose;
import org.ncbgateway.pki.NodeKeyStore;
import org.ncbgateway.pki.NodeSpec;
import org.ncbgateway.pki.Pem;
import org.ncbgateway.pki.PkiException;

/**
 * Builds the next directory from a federation folder: the nodes of {@code federation.json}, their
 * current certificates from {@code nodes/<CODE>/}, and {@code crl.pem}.
 */
public final class DirectoryBuilder {

    private DirectoryBuilder() {
    }

    /** @param version the new version; empty to take one more than {@code directory.json} in the folder, or 1 */
    public static Directory build(FederationLayout layout, OptionalLong version, Duration validity,
                                  Instant now) throws PkiException, DirectoryException {
        FederationSpec spec = FederationSpec.read(layout.spec());
        List<DirectoryNode> nodes = new ArrayList<>();
        for (NodeSpec node : spec.nodes()) {
            nodes.add(new DirectoryNode(node.code(), node.role(), node.name(), node.region(), node.hub(), node.links(),
                    node.endpoint(),
                    pem(layout, node.code(), KeyPurpose.SIGNING),
                    pem(layout, node.code(), KeyPurpose.ENCRYPTION)));
        }
        String crl = Pem.encode(Pem.crl(layout.crl()));
        Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
        long next = version.isPresent() ? version.getAsLong() : previousVersion(layout) + 1;
        return new Directory(next, issuedAt, issuedAt.plus(validity), nodes, crl);
    }

    private static String pem(FederationLayout layout, String code, KeyPurpose purpose) throws PkiException {
        return Pem.encode(Pem.certificate(NodeKeyStore.certificate(layout.node(code), purpose)));
    }

    private static long previousVersion(FederationLayout layout) throws DirectoryException, PkiException {
        if (!Files.isRegularFile(layout.directoryJson())) {
            return 0;
        }
        try {
            return DirectoryCodec.decode(Files.readAllBytes(layout.directoryJson()), layout.directoryJson().toString())
                    .version();
        } catch (IOException e) {
            throw new PkiException(layout.directoryJson() + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
