package org.ncbgateway.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x509.CRLReason;

/**
 * Rotates a node's keys: the current keystores and certificates move to
 * {@code nodes/<CODE>/superseded/<UTC time>/}, new ones take their place, and the old certificates
 * are revoked as superseded when asked.
 */
public final class NodeRenewal {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private NodeRenewal() {
    }

    /** @return the folder the superseded keystores were moved to */
    public static Path renew(FederationAuthority authority, String code, Set<KeyPurpose> purposes,
                             boolean revokeOld, Instant now) throws PkiException {
        FederationLayout layout = authority.layout();
        NodeSpec node = FederationSpec.read(layout.spec()).node(code)
                .orElseThrow(() -> new PkiException(layout.spec() + ": no node " + code));
        Path nodeDir = layout.node(code);
        List<X509Certificate> old = new ArrayList<>();
        for (KeyPurpose purpose : purposes) {
            old.add(Pem.certificate(NodeKeyStore.certificate(nodeDir, purpose)));
        }
        PasswordSource password = PasswordSource.forNode(nodeDir);
        password.password(); // fail before moving anything when the password is unavailable
        Path archive = archiveFolder(layout.superseded(code), now);
        moveAside(nodeDir, archive, purposes);
        authority.issueKeys(node, EnumSet.copyOf(purposes), password, now);
        if (revokeOld) {
            CrlPublisher.revoke(authority, old, CRLReason.superseded, now);
        }
        return archive;
    }

    private static void moveAside(Path nodeDir, Path archive, Set<KeyPurpose> purposes) throws PkiException {
        try {
            Files.createDirectories(archive);
            for (KeyPurpose purpose : purposes) {
                for (Path file : List.of(NodeKeyStore.keyStore(nodeDir, purpose), NodeKeyStore.certificate(nodeDir, purpose))) {
                    Files.move(file, archive.resolve(file.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new PkiException(nodeDir + ": cannot move the current keys to " + archive + " (" + e.getMessage() + ")", e);
        }
    }

    private static Path archiveFolder(Path superseded, Instant now) {
        String stamp = STAMP.format(now);
        Path folder = superseded.resolve(stamp);
        for (int n = 2; Files.exists(folder); n++) {
            folder = superseded.resolve(stamp + "-" + n);
        }
        return folder;
    }
}
