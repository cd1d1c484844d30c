package org.ncbgateway.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.ncbgateway.json.StrictJson;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.message.ReasonCode;
import org.ncbgateway.message.RejectedException;
import org.ncbgateway.notice.PayloadValidator;
import org.ncbgateway.notice.ValidationReport;
import org.ncbgateway.pki.CertificateTrust;
import org.ncbgateway.pki.KeyPurpose;
import org.ncbgateway.pki.NodeCodes;
import org.ncbgateway.pki.NodeCredentials;

/**
 * Opens a sealed message for this bureau, running every check of SPEC section 4 in its order and
 * failing with the first one's reason code. Once the outer layer authenticated the sender, every
 * rejection carries the header so the caller can answer with a receipt. Thread-safe when its ports are.
 */
public final class MessageOpener {

    private static final ObjectMapper JSON = StrictJson.mapper();

    private final String self;
    private final OuterVerifier outer;
    private final AuthEnvelopeOpener envelope;
    private final SignedDataVerifier signatures = new SignedDataVerifier();
    private final CertificateTrust trust;
    private final AddressCheck addressCheck;
    private final ReplayGuard replayGuard;
    private final PayloadValidator validator;
    private final Clock clock;

    public MessageOpener(NodeCredentials self, CertificateTrust trust, AddressCheck addressCheck,
                         ReplayGuard replayGuard, PayloadValidator validator, Clock clock) {
        this.self = self.code();
        this.trust = Objects.requireNonNull(trust, "trust");
        this.addressCheck = Objects.requireNonNull(addressCheck, "addressCheck");
        this.replayGuard = Objects.requireNonNull(replayGuard, "replayGuard");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.outer = new OuterVerifier(trust, clock, signatures);
        this.envelope = new AuthEnvelopeOpener(self.encryptionKey(), self.encryptionCert());
    }

    /**
     * @throws RejectedException the first failed check, with its reason code
     * @throws DuplicateMessageException the message id was accepted before: drop silently
     */
    public OpenedMessage open(byte[] wire) throws RejectedException, DuplicateMessageException {
        return open(wire, false);
    }

    /**
     * @param redelivered the transport hands over this very copy again because its earlier delivery was not
     *                    acknowledged: an id accepted in that delivery, whose answers were rolled back with it, is
     *                    opened again instead of dropped (every other check still applies)
     * @throws RejectedException the first failed check, with its reason code
     * @throws DuplicateMessageException the message id was accepted before and this is a new copy: drop silently
     */
    public OpenedMessage open(byte[] wire, boolean redelivered) throws RejectedException, DuplicateMessageException {
        VerifiedOuter verified = outer.verify(wire);
        MessageHeader header = verified.header();
        Instant now = clock.instant();
        if (!addressCheck.addresses(header)) {
            throw reject(header, ReasonCode.NOT_ADDRESSED, "node " + self + " is not addressed: to="
                    + header.to() + " excluded=" + header.excluded()
                    + (header.from().equals(self) ? "; its sender is this node itself" : ""));
        }
        if (!now.isBefore(header.expiresAt())) {
            throw reject(header, ReasonCode.EXPIRED, "expiresAt " + header.expiresAt() + " is not after " + now);
        }
        if (!redelivered && replayGuard.acceptedBefore(header.messageId())) {
            throw new DuplicateMessageException(header);
        }
        byte[] innerDer = decrypt(verified.middle(), header);
        VerifiedSignedData inner = verifyInner(innerDer, header, now);
        String signerCode = innerSignerCode(inner, header);
        byte[] payload = inner.content();
        JsonNode tree = readLeniently(payload);
        checkIssuer(header, signerCode, tree, payload);
        validate(header, payload);
        checkKind(header, tree);
        return new OpenedMessage(header, payload, signerCode, inner.signer(), verified.signer());
    }

    private byte[] decrypt(byte[] middle, MessageHeader header) throws RejectedException {
        try {
            return envelope.open(middle);
        } catch (LayerException e) {
            throw reject(header, ReasonCode.DECRYPT_FAILED, "middle layer: " + e.getMessage());
        }
    }

    private VerifiedSignedData verifyInner(byte[] der, MessageHeader header, Instant now) throws RejectedException {
        VerifiedSignedData inner;
        try {
            inner = signatures.verify(der);
        } catch (LayerException e) {
            throw reject(header, ReasonCode.INNER_SIGNATURE_INVALID, "inner layer: " + e.getMessage());
        }
        try {
            trust.check(inner.signer(), KeyPurpose.SIGNING, now);
        } catch (RejectedException e) {
            throw innerCertificateRefused(header, e);
        }
        return inner;
    }

    private static String innerSignerCode(VerifiedSignedData inner, MessageHeader header) throws RejectedException {
        try {
            return NodeCodes.of(inner.signer());
        } catch (RejectedException e) {
            throw innerCertificateRefused(header, e);
        }
    }

    private static RejectedException innerCertificateRefused(MessageHeader header, RejectedException e) {
        return reject(header, ReasonCode.INNER_SIGNATURE_INVALID,
                "inner signer certificate: " + e.code() + ": " + e.detail());
    }

    /**
     * A payload that does not even name the field binding its issuer is refused for what is wrong with it
     * (schema), and only if the validator finds nothing, for the unbound signature.
     */
    private void checkIssuer(MessageHeader header, String signerCode, JsonNode tree, byte[] payload)
            throws RejectedException {
        Optional<String> expected = InnerSignerRule.expectedSigner(header, tree);
        if (expected.isEmpty()) {
            validate(header, payload);
            throw reject(header, ReasonCode.INNER_SIGNATURE_INVALID,
                    "payload names no issuer to bind the inner signer " + signerCode + " to");
        }
        if (!expected.get().equals(signerCode)) {
            throw reject(header, ReasonCode.INNER_SIGNATURE_INVALID, "inner signer is node " + signerCode
                    + " but a " + header.kind() + " must be signed by " + expected.get());
        }
    }

    private void validate(MessageHeader header, byte[] payload) throws RejectedException {
        ValidationReport report = validator.validate(payload);
        Optional<ReasonCode> code = report.reasonCode();
        if (code.isPresent()) {
            throw reject(header, code.get(), "payload: " + report.errors());
        }
    }

    private static void checkKind(MessageHeader header, JsonNode tree) throws RejectedException {
        JsonNode kind = tree.path("kind");
        if (!kind.isTextual() || !kind.asText().equals(header.kind().wireName())) {
            throw reject(header, ReasonCode.KIND_MISMATCH, "payload kind " + kind
                    + " differs from header.kind \"" + header.kind() + "\"");
        }
    }

    private static JsonNode readLeniently(byte[] payload) {
        try {
            JsonNode tree = JSON.readTree(payload);
            return tree == null ? MissingNode.getInstance() : tree;
        } catch (IOException | RuntimeException e) {
            return MissingNode.getInstance();
        }
    }

    private static RejectedException reject(MessageHeader header, ReasonCode code, String detail) {
        return new RejectedException(code, detail, header, null);
    }
}
