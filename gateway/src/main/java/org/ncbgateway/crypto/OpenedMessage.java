package org.ncbgateway.crypto;

import java.security.cert.X509Certificate;
import java.util.Objects;
import org.ncbgateway.message.MessageHeader;

/**
 * A message that passed every check of SPEC section 4.
 *
 * @param header the authenticated routing header
 * @param payload the verified, validated payload bytes (UTF-8 JSON)
 * @param innerSignerCode the node that signed the payload (its issuer)
 * @param innerSigner the inner signing certificate
 * @param outerSigner the sending node's outer signing certificate
 */
public record OpenedMessage(MessageHeader header, byte[] payload, String innerSignerCode,
                            X509Certificate innerSigner, X509Certificate outerSigner) {

    public OpenedMessage {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(innerSignerCode, "innerSignerCode");
        Objects.requireNonNull(innerSigner, "innerSigner");
        Objects.requireNonNull(outerSigner, "outerSigner");
    }
}
