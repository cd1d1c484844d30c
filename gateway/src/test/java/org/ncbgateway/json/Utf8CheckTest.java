package org.ncbgateway.json;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8CheckTest {

    private static byte[] hex(String hex) {
        String[] parts = hex.split(" ");
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return bytes;
    }

    @Test
    void accepts_every_script_and_the_extremes_of_unicode() {
        String text = "ascii é КАРИМОВ كريموف 東京 \uD83D\uDE00 \uDBFF\uDFFF \uFFFD";
        assertThatCode(() -> Utf8Check.require(text.getBytes(StandardCharsets.UTF_8))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "C0 AF",        // overlong '/'
        "E0 80 AF",     // overlong, three bytes
        "F0 80 80 AF",  // overlong, four bytes
        "ED A0 80",     // encoded high surrogate
        "F4 90 80 80",  // beyond U+10FFFF
        "F5 80 80 80",  // never a lead byte
        "80",           // lone continuation
        "C3",           // truncated sequence
        "E2 82",        // truncated sequence
        "C3 28",        // bad continuation
        "FF"            // never in UTF-8
    })
    void refuses_ill_formed_sequences(String bytes) {
        assertThatThrownBy(() -> Utf8Check.require(hex("22 " + bytes + " 22")))
                .isInstanceOf(JsonRejectedException.class)
                .hasMessageContaining("byte offset 1");
    }
}
