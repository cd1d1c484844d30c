package org.ncbgateway.notice.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Against the specimen zones published in ICAO Doc 9303 (fictitious state UTO). */
class MrzTest {

    @Test
    void icao_td3_specimen_has_correct_check_digits_and_fields() {
        Mrz mrz = Mrz.parse(List.of(
                "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                "L898902C36UTO7408122F1204159ZE184226B<<<<<10"));
        assertThat(mrz.format()).isEqualTo("TD3");
        assertThat(mrz.checks()).allMatch(Mrz.Check::ok);
        assertThat(mrz.documentNumber()).isEqualTo("L898902C3");
        assertThat(mrz.issuingState()).isEqualTo("UTO");
        assertThat(mrz.dateOfBirth()).isEqualTo("740812");
        assertThat(mrz.expiry()).isEqualTo("120415");
    }

    @Test
    void icao_td1_specimen_has_correct_check_digits_and_fields() {
        Mrz mrz = Mrz.parse(List.of(
                "I<UTOD231458907<<<<<<<<<<<<<<<",
                "7408122F1204159UTO<<<<<<<<<<<6",
                "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"));
        assertThat(mrz.format()).isEqualTo("TD1");
        assertThat(mrz.checks()).allMatch(Mrz.Check::ok);
        assertThat(mrz.documentNumber()).isEqualTo("D23145890");
    }

    @Test
    void a_wrong_digit_is_reported_with_printed_and_computed_values() {
        Mrz mrz = Mrz.parse(List.of(
                "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                "L898902C36UTO7408121F1204159ZE184226B<<<<<10"));
        assertThat(mrz.checks()).filteredOn(c -> !c.ok()).extracting(Mrz.Check::field)
                .containsExactly("date of birth", "composite");
        assertThat(MrzCheckDigit.of("740812")).isEqualTo('2');
    }

    @Test
    void lines_of_mixed_lengths_are_neither_td1_nor_td3() {
        assertThat(Mrz.parse(List.of("I<UTOD231458907<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10")))
                .isNull();
    }
}
