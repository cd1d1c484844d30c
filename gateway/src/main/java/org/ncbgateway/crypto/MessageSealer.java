package org.ncbgateway.crypto;

import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Objects;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.pki.NodeCredentials;

/**
 * Seals a payload for its final recipients (SPEC section 4): inner SignedData by the issuing node,
 * AuthEnvelopedData AES-256-GCM to every recipient's encryption certificate (one ciphertext for all),
 * outer SignedData by the sending node over {@code {"header", "payload"}}. Here the issuer is the
 * sender. Thread-safe.
 */
public final class MessageSealer {

    private final String code;
    private final CmsSigner signer;
    private final AuthEnvelopeSealer envelope = new AuthEnvelopeSealer();

    public MessageSealer(NodeCredentials sender) {
        this.code = sender.code();
        this.signer = new CmsSigner(sender.signingKey(), sender.signingCert());
    }

    /** @return the outer SignedData DER: the wire bytes */
    public byte[] seal(MessageHeader header, byte[] payload, Collection<X509Certificate> recipientEncryptionCerts) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(payload, "payload");
        if (!code.equals(header.from())) {
            throw new IllegalArgumentException("header.from is " + header.from() + " but the sealer is node " + code);
        }
        byte[] inner = signer.sign(payload);
        byte[] middle = envelope.seal(inner, recipientEncryptionCerts);
        return signer.sign(OuterDocument.of(header, middle).toJson());
    }
}
