package org.ncbgateway.crypto;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import org.ncbgateway.message.MessageHeader;
import org.ncbgateway.pki.NodeCredentials;

/** Builds each layer on its own, so tests can seal what {@link MessageSealer} never would. */
final class Layers {

    private Layers() {
    }

    static byte[] signed(NodeCredentials signer, byte[] content) {
        return new CmsSigner(signer.signingKey(), signer.signingCert()).sign(content);
    }

    static byte[] enveloped(byte[] inner, List<X509Certificate> recipients) {
        return new AuthEnvelopeSealer().seal(inner, recipients);
    }

    static byte[] outer(NodeCredentials signer, MessageHeader header, byte[] middle) {
        return signed(signer, OuterDocument.of(header, middle).toJson());
    }

    /** A copy of {@code bytes} with one bit flipped in the first occurrence of {@code marker}. */
    static byte[] flipWithin(byte[] bytes, byte[] marker) {
        int at = indexOf(bytes, marker);
        if (at < 0) {
            throw new IllegalArgumentException("marker not found");
        }
        byte[] copy = bytes.clone();
        copy[at + marker.length / 2] ^= 0x01;
        return copy;
    }

    static byte[] replace(byte[] bytes, String from, String to) {
        byte[] target = from.getBytes(StandardCharsets.UTF_8);
        byte[] replacement = to.getBytes(StandardCharsets.UTF_8);
        int at = indexOf(bytes, target);
        if (at < 0 || target.length != replacement.length) {
            throw new IllegalArgumentException("cannot replace " + from);
        }
        byte[] copy = bytes.clone();
        System.arraycopy(replacement, 0, copy, at, replacement.length);
        return copy;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
