package org.ncbgateway.gateway;

import jakarta.jms.ConnectionFactory;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.ncbgateway.crypto.MessageSealer;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryBuilder;
import org.ncbgateway.directory.DirectoryCodec;
import org.ncbgateway.directory.DirectorySigner;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.Priority;
import org.ncbgateway.pki.CrlPublisher;
import org.ncbgateway.pki.FederationAuthority;
import org.ncbgateway.pki.FederationLayout;
import org.ncbgateway.pki.KeyPurpose;
import org.ncbgateway.testing.ExampleFederation;
import org.ncbgateway.testing.PeerClients;
import org.ncbgateway.transport.Addresses;

/** What the root authority and GS do in the directory-update tests: revoke, sign a new directory, send it. */
final class DirectoryUpdateFixtures {

    private static final AtomicInteger UPDATES = new AtomicInteger();

    private DirectoryUpdateFixtures() {
    }

    /**
     * Puts {@code revoked} on the CRL of the federation copy in {@code federationDir}, then builds directory
     * {@code version} from it and signs it with the example root.
     */
    static byte[] signedDirectory(Path federationDir, long version, X509Certificate... revoked) throws Exception {
        FederationLayout layout = new FederationLayout(federationDir);
        if (revoked.length > 0) {
            FederationAuthority authority = new FederationAuthority(layout, ExampleFederation.rootAuthority(), 30);
            CrlPublisher.revoke(authority, List.of(revoked), 1, Instant.now().minusSeconds(1));
        }
        Directory next = DirectoryBuilder.build(layout, OptionalLong.of(version), Duration.ofDays(30), Instant.now());
        return DirectorySigner.sign(DirectoryCodec.encode(next), ExampleFederation.rootAuthority());
    }

    /**
     * GS's {@code directory-update} to all carrying {@code signedDirectory}, sealed for {@code recipients},
     * sent to {@code ncb.in} through {@code via} (a hub's or GS's client).
     *
     * @return its message id
     */
    static UUID sendUpdate(ConnectionFactory via, byte[] signedDirectory, long version, String... recipients)
            throws Exception {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        byte[] payload = DirectoryUpdatePayload.of(String.format("GS-2026-%06d", UPDATES.incrementAndGet()), now,
                version, signedDirectory);
        MessageHeader header = new MessageHeader(id, MessageKind.DIRECTORY_UPDATE, "GS", List.of("all"), List.of(),
                now, now.plus(1, ChronoUnit.DAYS), null, Priority.URGENT);
        byte[] wire = new MessageSealer(ExampleFederation.credentials("GS")).seal(header, payload,
                Arrays.stream(recipients).map(code -> ExampleFederation.certificate(code, KeyPurpose.ENCRYPTION))
                        .toList());
        PeerClients.send(via, Addresses.IN, wire, id.toString());
        return id;
    }
}
