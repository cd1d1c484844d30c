package org.ncbgateway.crypto;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.ncbgateway.message.ReasonCode;

/**
 * The checks of SPEC section 4 in the order {@link MessageOpener} runs them, each with the reason codes
 * it fails with; a rejection's code therefore tells which checks passed before it.
 */
public enum OpeningCheck {
    OUTER_SIGNATURE("outer signature valid, one signer", ReasonCode.SIGNATURE_INVALID),
    SENDER_CERTIFICATE("sender certificate chains to the root, valid, not revoked, signing usage",
            ReasonCode.CERT_UNTRUSTED, ReasonCode.CERT_EXPIRED, ReasonCode.CERT_REVOKED),
    SENDER("outer signer is header.from", ReasonCode.SENDER_MISMATCH),
    ADDRESSED("this node is addressed and not excluded", ReasonCode.NOT_ADDRESSED),
    NOT_EXPIRED("expiresAt not passed", ReasonCode.EXPIRED),
    NOT_DUPLICATE("messageId not accepted before"),
    DECRYPTS("middle layer AES-GCM decrypts for this node", ReasonCode.DECRYPT_FAILED),
    INNER_SIGNATURE("inner signature valid, signer is the payload's issuer", ReasonCode.INNER_SIGNATURE_INVALID),
    PAYLOAD_VALID("payload passes schema and semantic validation",
            ReasonCode.SCHEMA_INVALID, ReasonCode.SEMANTIC_INVALID),
    KIND("payload kind equals header.kind", ReasonCode.KIND_MISMATCH);

    private final String description;
    private final List<ReasonCode> failures;

    OpeningCheck(String description, ReasonCode... failures) {
        this.description = description;
        this.failures = List.of(failures);
    }

    public String description() {
        return description;
    }

    /** The check that fails with {@code code}; empty for none (a duplicate is not a reason code). */
    public static Optional<OpeningCheck> failingWith(ReasonCode code) {
        return Arrays.stream(values()).filter(c -> c.failures.contains(code)).findFirst();
    }

    /** The checks that run before this one, in order. */
    public List<OpeningCheck> before() {
        return Arrays.asList(values()).subList(0, ordinal());
    }
}
