package org.ncbgateway.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.ncbgateway.directory.Directory;
import org.ncbgateway.directory.DirectoryException;
import org.ncbgateway.directory.DirectoryVerifier;
import org.ncbgateway.message.ReasonCode;
import org.ncbgateway.message.RejectedException;
import org.ncbgateway.pki.CertificateTrust;
import org.ncbgateway.pki.FederationTrust;
import org.ncbgateway.pki.KeyPurpose;
import org.ncbgateway.pki.PkiException;

/**
 * Trust as it stood at each moment: the signed directory in force then (the highest version issued at or before
 * that moment) and its CRL. Every directory is verified against the root before it is used.
 */
public final class DirectoriesInForce implements CertificateTrust {

    private record InForce(Directory directory, FederationTrust trust) {
    }

    private final List<InForce> byIssue;

    private DirectoriesInForce(List<InForce> byIssue) {
        this.byIssue = byIssue;
    }

    /** Loads every signed directory ({@code *.p7s}) of a folder; one that does not verify stops the load, named. */
    public static DirectoriesInForce load(X509Certificate root, Path folder) throws IOException {
        DirectoryVerifier verifier = new DirectoryVerifier(root);
        List<InForce> loaded = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".p7s")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(folder + ": no signed directory (*.p7s)");
        }
        for (Path file : files) {
            try {
                Directory directory = verifier.verifySignature(Files.readAllBytes(file));
                loaded.add(new InForce(directory, FederationTrust.of(root, directory)));
            } catch (DirectoryException | PkiException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage());
            }
        }
        loaded.sort(Comparator.comparing((InForce d) -> d.directory().issuedAt())
                .thenComparingLong(d -> d.directory().version()));
        return new DirectoriesInForce(List.copyOf(loaded));
    }

    @Override
    public void check(X509Certificate certificate, KeyPurpose purpose, Instant at) throws RejectedException {
        inForce(at).trust().check(certificate, purpose, at);
    }

    private InForce inForce(Instant at) throws RejectedException {
        InForce found = null;
        for (InForce candidate : byIssue) {
            if (!candidate.directory().issuedAt().isAfter(at)
                    && (found == null || candidate.directory().version() > found.directory().version())) {
                found = candidate;
            }
        }
        if (found == null) {
            throw new RejectedException(ReasonCode.CERT_UNTRUSTED, "no directory was in force at " + at
                    + " (the earliest given was issued at " + byIssue.get(0).directory().issuedAt() + ")");
        }
        return found;
    }
}
