package org.ncbgateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ncbgateway.message.ReasonCode;

class OpeningCheckTest {

    @Test
    void every_reason_code_belongs_to_exactly_one_check_in_spec_order() {
        for (ReasonCode code : ReasonCode.values()) {
            assertThat(OpeningCheck.failingWith(code)).as(code.name()).isPresent();
        }
        assertThat(OpeningCheck.failingWith(ReasonCode.SENDER_MISMATCH)).contains(OpeningCheck.SENDER);
        assertThat(OpeningCheck.DECRYPTS.before()).containsExactly(OpeningCheck.OUTER_SIGNATURE,
                OpeningCheck.SENDER_CERTIFICATE, OpeningCheck.SENDER, OpeningCheck.ADDRESSED,
                OpeningCheck.NOT_EXPIRED, OpeningCheck.NOT_DUPLICATE);
    }

    @Test
    void checks_answered_with_a_receipt_are_exactly_those_after_the_sender_is_authenticated() {
        for (ReasonCode code : ReasonCode.values()) {
            boolean afterSender = OpeningCheck.failingWith(code).orElseThrow().ordinal() > OpeningCheck.SENDER.ordinal();
            assertThat(code.answeredWithReceipt()).as(code.name()).isEqualTo(afterSender);
        }
    }
}
