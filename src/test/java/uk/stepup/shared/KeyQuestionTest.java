package uk.stepup.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyQuestionTest {

    @Test
    void reads_letters_labels_and_keys_in_any_case() {
        assertThat(KeyQuestion.parse("S")).contains(KeyQuestion.SAFE);
        assertThat(KeyQuestion.parse("w")).contains(KeyQuestion.WELL_LED);
        assertThat(KeyQuestion.parse(" r ")).contains(KeyQuestion.RESPONSIVE);
        assertThat(KeyQuestion.parse("Well-led")).contains(KeyQuestion.WELL_LED);
        assertThat(KeyQuestion.parse("well_led")).contains(KeyQuestion.WELL_LED);
        assertThat(KeyQuestion.parse("WELL LED")).contains(KeyQuestion.WELL_LED);
        assertThat(KeyQuestion.parse("caring")).contains(KeyQuestion.CARING);
        assertThat(KeyQuestion.WELL_LED.key()).isEqualTo("well_led");
    }

    @Test
    void anything_else_is_not_a_key_question() {
        for (String text : new String[] {"", " ", "X", "1", "Saf", "Well", "ss", null}) {
            assertThat(KeyQuestion.parse(text)).as(String.valueOf(text)).isEqualTo(Optional.empty());
        }
    }
}
