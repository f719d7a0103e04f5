package uk.stepup.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.prompts.YamlFrontMatter;

/** Order, look-up by code and a coach's reordering, on a curriculum loaded from placeholder files. */
class CurriculumTest {

    @TempDir
    Path tmp;

    private Curriculum kloe;

    @BeforeEach
    void load() {
        PromptFixtures.writeValid(tmp);
        kloe = new CurriculumLoader(new YamlFrontMatter())
                .load(tmp)
                .curriculum("kloe-2017")
                .orElseThrow();
    }

    @Test
    void items_are_sorted_by_order_whatever_order_they_arrive_in() {
        List<CurriculumItem> shuffled = new ArrayList<>(kloe.items());
        Collections.reverse(shuffled);

        assertThat(new Curriculum("kloe-2017", shuffled).defaultOrder()).isEqualTo(kloe.defaultOrder());
    }

    @Test
    void default_order_runs_safe_to_well_led() {
        assertThat(kloe.defaultOrder())
                .containsExactly(
                        "S1", "S2", "S3", "S4", "S5", "S6", "E1", "E2", "E3", "E4", "E5", "E6", "E7", "C1", "C2", "C3",
                        "R1", "R2", "R3", "W1", "W2", "W3", "W4", "W5");
    }

    @Test
    void by_code_ignores_case_and_spaces() {
        assertThat(kloe.byCode(" w5 "))
                .hasValueSatisfying(i -> assertThat(i.code()).isEqualTo("W5"));
        assertThat(kloe.byCode("S7")).isEmpty();
        assertThat(kloe.byCode(null)).isEmpty();
    }

    @Test
    void reorder_follows_the_coaches_list() {
        List<String> codes = new ArrayList<>(kloe.defaultOrder());
        Collections.swap(codes, 0, 23);
        codes.set(1, codes.get(1).toLowerCase());

        List<CurriculumItem> reordered = kloe.reorder(codes);

        assertThat(reordered).extracting(CurriculumItem::code).first().isEqualTo("W5");
        assertThat(reordered).extracting(CurriculumItem::code).element(1).isEqualTo("S2");
        assertThat(reordered).extracting(CurriculumItem::code).last().isEqualTo("S1");
        assertThat(reordered).hasSize(24);
    }

    @Test
    void reorder_names_unknown_missing_and_repeated_codes() {
        List<String> codes = new ArrayList<>(kloe.defaultOrder());
        codes.remove("S3");
        codes.remove("E6");
        codes.add("S9");
        codes.add("w1");

        assertThatThrownBy(() -> kloe.reorder(codes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The new order must list each of the 24 kloe-2017 codes exactly once. Unknown: S9. "
                        + "Missing: S3, E6. Listed more than once: W1.");
    }
}
