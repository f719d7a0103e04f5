package uk.stepup.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"9434765919", "4010232137", "4857773457", "4505577104", "0412345676"})
    void valid_check_digits_pass(String digits) {
        assertThat(NhsNumbers.isValid(digits)).isTrue();
    }

    @Test
    void remainder_zero_means_check_digit_zero() {
        // 4,0,1,0,2,3,2,1,1 weighted 10..2 sums to 88 = 8 x 11, so 11 - 0 = 11, which is written as 0.
        assertThat(NhsNumbers.isValid("4010232110")).isTrue();
        assertThat(NhsNumbers.isValid("4010232111")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9434765918", "9434765910", "4010232138", "4857773450"})
    void wrong_check_digit_fails(String digits) {
        assertThat(NhsNumbers.isValid(digits)).isFalse();
    }

    @Test
    void check_digit_ten_is_never_valid() {
        // 1..9 weighted 10..2 sums to 210; 210 mod 11 = 1; 11 - 1 = 10, so no last digit can make it valid.
        for (char last = '0'; last <= '9'; last++) {
            assertThat(NhsNumbers.isValid("123456789" + last))
                    .as("123456789%s", last)
                    .isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "943476591", "94347659190", "943 476 5919", "94347659l9", "９４３４７６５９１９"})
    void only_ten_ascii_digits_are_considered(String text) {
        assertThat(NhsNumbers.isValid(text)).isFalse();
    }

    @Test
    void null_is_not_an_nhs_number() {
        assertThat(NhsNumbers.isValid(null)).isFalse();
    }
}
