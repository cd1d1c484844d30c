package org.ncbgateway.json;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 check: the JDK decoder refuses overlong forms, encoded surrogates and code points
 * beyond U+10FFFF, which a JSON parser may let through. Decodes in small chunks so that a large
 * document costs no large buffer.
 */
final class Utf8Check {

    private static final int CHUNK = 8192;

    private Utf8Check() {
    }

    static void require(byte[] bytes) throws JsonRejectedException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(CHUNK);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                throw new JsonRejectedException("json-utf8", "",
                        "not valid UTF-8: malformed byte sequence at byte offset " + in.position());
            }
            if (result.isUnderflow()) {
                break;
            }
            out.clear();
        }
        out.clear();
        decoder.flush(out);
        // A raw NUL never occurs in well-formed JSON; refusing it also stops the parser from
        // taking the bytes for UTF-16 or UTF-32.
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new JsonRejectedException("json-utf8", "",
                        "raw NUL byte at byte offset " + i + ": the payload must be UTF-8 JSON");
            }
        }
    }
}
