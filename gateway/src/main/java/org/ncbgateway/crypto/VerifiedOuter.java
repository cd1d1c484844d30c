package org.ncbgateway.crypto;

import java.security.cert.X509Certificate;
import java.util.Objects;
import org.ncbgateway.message.MessageHeader;

/**
 * An outer layer that passed every check a hub can make: valid signature, trusted sender certificate,
 * sender equal to {@code header.from}. The middle layer is still encrypted.
 *
 * @param header the authenticated routing header
 * @param middle the AuthEnvelopedData DER, opaque to hubs
 * @param signer the sending node's signing certificate
 */
public record VerifiedOuter(MessageHeader header, byte[] middle, X509Certificate signer) {

    public VerifiedOuter {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(middle, "middle");
        Objects.requireNonNull(signer, "signer");
    }
}
