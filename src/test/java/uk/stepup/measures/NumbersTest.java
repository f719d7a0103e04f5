package uk.stepup.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void numbers_as_people_type_them_are_read() {
        assertThat(Numbers.parse("12")).contains(12.0);
        assertThat(Numbers.parse(" 3.5 ")).contains(3.5);
        assertThat(Numbers.parse("-0.25")).contains(-0.25);
        assertThat(Numbers.parse(".5")).contains(0.5);
        assertThat(Numbers.parse("1,234")).contains(1234.0);
        assertThat(Numbers.parse("1,234,567.5")).contains(1234567.5);
    }

    @Test
    void anything_but_a_plain_number_is_refused() {
        for (String s : new String[] {
            "",
            "twelve",
            "12 falls",
            "3 (Mrs Smith)",
            "1e5",
            "12%",
            "1,23",
            "12,",
            "1.2.3",
            "NaN",
            "Infinity",
            "0x10",
            "9999999999",
            "--3"
        }) {
            assertThat(Numbers.parse(s)).as(s).isEqualTo(Optional.empty());
        }
        assertThat(Numbers.parse(null)).isEmpty();
    }

    @Test
    void numbers_are_shown_rounded_with_thousands_commas() {
        assertThat(Numbers.format(12)).isEqualTo("12");
        assertThat(Numbers.format(4.256)).isEqualTo("4.26");
        assertThat(Numbers.format(0.3)).isEqualTo("0.3");
        assertThat(Numbers.format(123.44)).isEqualTo("123.4");
        assertThat(Numbers.format(1234.5)).isEqualTo("1,235");
        assertThat(Numbers.format(-2)).isEqualTo("-2");
        assertThat(Numbers.format(-0.001)).isEqualTo("0");
        assertThat(Numbers.whole(4.0)).isTrue();
        assertThat(Numbers.whole(4.5)).isFalse();
    }

    @Test
    void small_counts_are_one_to_four() {
        assertThat(SmallCounts.suppressed(0)).isFalse();
        assertThat(SmallCounts.suppressed(1)).isTrue();
        assertThat(SmallCounts.suppressed(4)).isTrue();
        assertThat(SmallCounts.suppressed(5)).isFalse();
    }
}
