package org.ncbgateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.ncbgateway.json.StrictJson;
import org.ncbgateway.message.RejectedException;

/**
 * Verifies the outer layer of a logged message offline: one valid CMS signature over {@code {header, payload}},
 * its signer trusted at the entry's time and naming {@code header.from}, and the header agreeing with the entry.
 */
public final class WireMessageCheck implements MessageCheck {

    private static final ObjectMapper JSON = StrictJson.mapper();
    private final SignerCheck signers;

    public WireMessageCheck(SignerCheck signers) {
        this.signers = Objects.requireNonNull(signers, "signers");
    }

    @Override
    public Optional<String> problem(EntryMeta meta, byte[] wire) {
        SignedStatement signed;
        JsonNode header;
        try {
            signed = SignedStatement.verify(wire);
            header = JSON.readTree(signed.content()).path("header");
        } catch (SignedStatement.InvalidStatementException | IOException e) {
            return Optional.of("SIGNATURE_INVALID outer layer: " + e.getMessage());
        }
        String from = header.path("from").asText(null);
        String messageId = header.path("messageId").asText(null);
        if (meta.messageId() != null && !meta.messageId().equals(messageId)) {
            return Optional.of("entry says messageId " + meta.messageId() + ", the signed header " + messageId);
        }
        if (meta.kind() != null && !meta.kind().equals(header.path("kind").asText(null))) {
            return Optional.of("entry says kind " + meta.kind() + ", the signed header " + header.path("kind").asText());
        }
        try {
            String signer = signers.trustedNode(signed.signer(), meta.time());
            if (!signer.equals(from)) {
                return Optional.of("SENDER_MISMATCH outer signer is node " + signer + " but header.from is " + from);
            }
        } catch (RejectedException e) {
            return Optional.of(e.code() + " " + e.detail());
        }
        return Optional.empty();
    }
}
