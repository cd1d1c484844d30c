package org.ncbgateway.crypto;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.MessageKind;
import org.ncbgateway.message.Priority;
import org.ncbgateway.notice.PayloadValidator;
import org.ncbgateway.notice.ValidationReport;
import org.ncbgateway.pki.NodeCredentials;

/**
 * A small federation made once per test JVM, each node on first use: RSA-3072 for DE (whose key
 * generation takes seconds), P-256 for every other node (FR, BE, NL, GS, HUB-EUROPE...).
 */
final class SealFixture {

    private static SealFixture instance;

    final TestCa ca = new TestCa("Example Federation Root");
    private final Map<String, NodeCredentials> nodes = new ConcurrentHashMap<>();
    final Set<java.math.BigInteger> revoked = new HashSet<>();
    final TestTrust trust = new TestTrust(ca.cert, revoked);
    final Clock clock = Clock.fixed(TestCa.NOW, ZoneOffset.UTC);

    private SealFixture() {
    }

    static synchronized SealFixture get() {
        if (instance == null) {
            instance = new SealFixture();
        }
        return instance;
    }

    NodeCredentials node(String code) {
        return nodes.computeIfAbsent(code, c -> ca.node(c, c.equals("DE")));
    }

    List<X509Certificate> encryptionCerts(String... codes) {
        return Arrays.stream(codes).map(c -> node(c).encryptionCert()).toList();
    }

    MessageHeader header(MessageKind kind, String from, String... to) {
        return new MessageHeader(UUID.randomUUID(), kind, from, List.of(to), List.of(),
                TestCa.NOW.minus(1, ChronoUnit.MINUTES), TestCa.NOW.plus(1, ChronoUnit.DAYS), null, Priority.NORMAL);
    }

    static byte[] diffusion(String issuer) {
        return ("{\"kind\":\"diffusion\",\"schemaVersion\":\"1.0\",\"id\":\"" + issuer + "-2026-000123\","
                + "\"issuedAt\":\"2026-11-29T03:00:00Z\",\"issuer\":{\"bureau\":\"" + issuer + "\"},"
                + "\"purpose\":\"locate\",\"summary\":\"Example subject, invented for tests\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Accepts any JSON object: the crypto tests are about layers, not about the payload contract. */
    static PayloadValidator anyJsonObject() {
        return payload -> payload.length > 0 && payload[0] == '{' ? ValidationReport.ok()
                : new ValidationReport(List.of(new org.ncbgateway.notice.ValidationError("", "not a JSON object",
                        "type", org.ncbgateway.notice.ValidationStage.JSON)));
    }

    MessageOpener opener(String code) {
        return opener(code, h -> true);
    }

    MessageOpener opener(String code, AddressCheck addressCheck) {
        return new MessageOpener(node(code), trust, addressCheck, id -> false, anyJsonObject(), clock);
    }
}
