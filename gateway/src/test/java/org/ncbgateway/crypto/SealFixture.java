package org.ncbgateway.crypto;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.Priority;
import org.ncbgateway.notice.PayloadValidator;
import org.ncbgateway.notice.ValidationError;
import org.ncbgateway.notice.ValidationReport;
import org.ncbgateway.notice.ValidationStage;
import org.ncbgateway.pki.FederationTrust;
import org.ncbgateway.pki.NodeCredentials;
import org.ncbgateway.testing.ExampleFederation;

/** The example federation (certs-example/) as the crypto tests use it: EC bureaus, RSA DE and US, a fixed clock. */
final class SealFixture {

    private static final SealFixture INSTANCE = new SealFixture();

    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    final FederationTrust trust = ExampleFederation.trust();

    private SealFixture() {
    }

    static SealFixture get() {
        return INSTANCE;
    }

    X509Certificate root() {
        return ExampleFederation.root();
    }

    NodeCredentials node(String code) {
        return ExampleFederation.credentials(code);
    }

    List<X509Certificate> encryptionCerts(String... codes) {
        return Arrays.stream(codes).map(c -> node(c).encryptionCert()).toList();
    }

    MessageHeader header(MessageKind kind, String from, String... to) {
        return new MessageHeader(UUID.randomUUID(), kind, from, List.of(to), List.of(),
                now.minus(1, ChronoUnit.MINUTES), now.plus(1, ChronoUnit.DAYS), null, Priority.NORMAL);
    }

    /** A small diffusion payload: the crypto tests are about layers, not about the payload contract. */
    static byte[] diffusion(String issuer) {
        return ("{\"kind\":\"diffusion\",\"schemaVersion\":\"1.0\",\"id\":\"" + issuer + "-2026-000123\","
                + "\"issuedAt\":\"2026-11-29T03:00:00Z\",\"issuer\":{\"bureau\":\"" + issuer + "\"},"
                + "\"purpose\":\"locate\",\"summary\":\"Example subject, invented for tests\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Accepts any JSON object, so that these tests reach the checks after validation with small payloads. */
    static PayloadValidator anyJsonObject() {
        return payload -> payload.length > 0 && payload[0] == '{' ? ValidationReport.ok()
                : new ValidationReport(List.of(new ValidationError("", "not a JSON object", "type", ValidationStage.JSON)));
    }

    MessageOpener opener(String code) {
        return opener(code, h -> true);
    }

    MessageOpener opener(String code, AddressCheck addressCheck) {
        return new MessageOpener(node(code), trust, addressCheck, id -> false, anyJsonObject(), clock);
    }
}
