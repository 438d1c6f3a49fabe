package org.claimauditor.claim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"1234567893", "1987654328", "1456789019", "1765432103", "1029384751"})
    void validNpis(String npi) {
        assertThat(Codes.isValidNpi(npi)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567890", "123456789", "12345678931", "A234567893", ""})
    void invalidNpis(String npi) {
        assertThat(Codes.isValidNpi(npi)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"99213", "0001F", "0042T", "0001U", "0001A", "0002M", "G0439", "A0425", "V2020"})
    void procedureShapes(String code) {
        assertThat(Codes.isProcedureCode(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9921", "992134", "W1234", "99213A", "g0439", "0001X"})
    void notProcedureShapes(String code) {
        assertThat(Codes.isProcedureCode(code)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"E11.9", "E119", "I10", "S52.501A", "s52501a", "Z00.00", "M54.50"})
    void icd10Shapes(String code) {
        assertThat(Codes.isIcd10CmShape(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"250.00", "E1.19", "1234", "E11.", "E11.9.1", "E11987654", "EE1"})
    void notIcd10Shapes(String code) {
        assertThat(Codes.isIcd10CmShape(code)).isFalse();
    }
}
