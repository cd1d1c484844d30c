package org.ncbgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncbgateway.pki.NodeCredentials;
import org.ncbgateway.testing.ExampleFederation;
import org.ncbgateway.testing.Openssl;

/** A seal made with a node's real signing key is a CMS SignedData that OpenSSL verifies with the federation root. */
class SealOpensslTest {

    @TempDir
    Path dir;

    @Test
    void openssl_verifies_a_seal_and_a_countersignature_with_only_the_federation_root() throws Exception {
        NodeCredentials fr = ExampleFederation.credentials("FR");
        NodeCredentials hub = ExampleFederation.credentials("HUB-EUROPE");
        SignerCheck signers = TrustedSigners.under(ExampleFederation.trust());
        try (MessageLog frLog = MessageLog.open(dir.resolve("FR"), "FR");
             MessageLog hubLog = MessageLog.open(dir.resolve("HUB"), "HUB-EUROPE")) {
            SealWitness witness = new SealWitness(hubLog,
                    new StatementSigner("HUB-EUROPE", hub.signingKey(), hub.signingCert()), signers, Clock.systemUTC());
            frLog.append(LogEvent.of(EntryType.SUBMITTED, "m-1", "diffusion", "FR", new byte[] {1}));
            new LogSealer(frLog, new StatementSigner("FR", fr.signingKey(), fr.signingCert()),
                    DirectWitness.courier(frLog, signers, witness), Clock.systemUTC()).seal();
        }
        List<LogEntry> entries = MessageLogTest.readAll(dir.resolve("FR"));
        assertThat(entries).extracting(LogEntry::type).containsExactly(EntryType.SUBMITTED, EntryType.SEAL,
                EntryType.WITNESS);

        Path seal = dir.resolve("seal.der");
        Files.write(seal, entries.get(1).data());
        Openssl.Result verified = Openssl.run(dir, "cms", "-verify", "-inform", "DER", "-in", "seal.der",
                "-CAfile", ExampleFederation.rootPem().toString(), "-out", "statement.json");
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        SealStatement statement = SealStatement.parse(Files.readAllBytes(dir.resolve("statement.json")));
        assertThat(statement.node()).isEqualTo("FR");
        assertThat(statement.sealedSeq()).isEqualTo(1);
        assertThat(statement.sealedHash()).isEqualTo(entries.get(0).hashHex());

        Files.write(dir.resolve("countersignature.der"), entries.get(2).data());
        Openssl.Result countersigned = Openssl.run(dir, "cms", "-verify", "-inform", "DER", "-in",
                "countersignature.der", "-CAfile", ExampleFederation.rootPem().toString(), "-out", "witness.json");
        assertThat(countersigned.exitCode()).as(countersigned.output()).isZero();
        assertThat(WitnessStatement.parse(Files.readAllBytes(dir.resolve("witness.json"))).witness())
                .isEqualTo("HUB-EUROPE");
    }
}
