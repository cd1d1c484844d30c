package org.ncbgateway.json;

/**
 * Strict UTF-8 check, by the well-formed byte sequences of the Unicode Standard (table 3-7): no
 * overlong forms, no encoded surrogates, nothing beyond U+10FFFF, which a JSON parser may let
 * through. One pass over the bytes, no allocation.
 */
final class Utf8Check {

    private Utf8Check() {
    }

    static void require(byte[] bytes) throws JsonRejectedException {
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                // A raw NUL never occurs in well-formed JSON; refusing it also stops the parser from
                // taking the bytes for UTF-16 or UTF-32.
                throw new JsonRejectedException("json-utf8", "",
                        "raw NUL byte at byte offset " + i + ": the payload must be UTF-8 JSON");
            }
            int length = sequenceLength(bytes, i, b);
            if (length == 0) {
                throw new JsonRejectedException("json-utf8", "",
                        "not valid UTF-8: malformed byte sequence at byte offset " + i);
            }
            i += length;
        }
    }

    /** Length of the well-formed sequence starting at {@code i}, 0 if it is not well-formed. */
    private static int sequenceLength(byte[] bytes, int i, int b) {
        if (b < 0x80) {
            return 1;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            return continuation(bytes, i + 1, 0x80, 0xBF) ? 2 : 0;
        }
        if (b >= 0xE0 && b <= 0xEF) {
            int low = b == 0xE0 ? 0xA0 : 0x80;
            int high = b == 0xED ? 0x9F : 0xBF;
            return continuation(bytes, i + 1, low, high) && continuation(bytes, i + 2, 0x80, 0xBF) ? 3 : 0;
        }
        if (b >= 0xF0 && b <= 0xF4) {
            int low = b == 0xF0 ? 0x90 : 0x80;
            int high = b == 0xF4 ? 0x8F : 0xBF;
            return continuation(bytes, i + 1, low, high) && continuation(bytes, i + 2, 0x80, 0xBF)
                    && continuation(bytes, i + 3, 0x80, 0xBF) ? 4 : 0;
        }
        return 0;
    }

    private static boolean continuation(byte[] bytes, int i, int low, int high) {
        if (i >= bytes.length) {
            return false;
        }
        int b = bytes[i] & 0xFF;
        return b >= low && b <= high;
    }
}
