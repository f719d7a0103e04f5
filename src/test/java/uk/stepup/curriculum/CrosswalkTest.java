package uk.stepup.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mapping items between frameworks, both ways and through a third, as plain Java. */
class CrosswalkTest {
    private static final Map<String, List<String>> CODES = new LinkedHashMap<>();

    static {
        CODES.put("old", List.of("S1", "S2", "E1"));
        CODES.put("new", List.of("QS-S1", "QS-S2", "QS-S3", "QS-E1"));
        CODES.put("next", List.of("A-S1", "A-E1"));
        CODES.put("alone", List.of("S1"));
    }

    private static final Crosswalk.Pair OLD_NEW = new Crosswalk.Pair(
            "old",
            "new",
            Map.of(
                    "S1", List.of("QS-S3"),
                    "S2", List.of("QS-S3", "QS-S1", "QS-S2"),
                    "E1", List.of("QS-E1")));
    private static final Crosswalk.Pair NEXT_NEW = new Crosswalk.Pair(
            "next", "new", Map.of("A-S1", List.of("QS-S1", "QS-S2", "QS-S3"), "A-E1", List.of("QS-E1")));

    private final Crosswalk crosswalk = new Crosswalk(CODES, List.of(OLD_NEW, NEXT_NEW));

    @Test
    void maps_forward_in_the_target_frameworks_order() {
        assertThat(crosswalk.map("old", "S2", "new")).containsExactly("QS-S1", "QS-S2", "QS-S3");
        assertThat(crosswalk.map("old", "S1", "new")).containsExactly("QS-S3");
    }

    @Test
    void maps_back_from_every_line_that_names_the_item() {
        assertThat(crosswalk.map("new", "QS-S3", "old")).containsExactly("S1", "S2");
        assertThat(crosswalk.map("new", "QS-S1", "old")).containsExactly("S2");
        assertThat(crosswalk.map("new", "QS-E1", "old")).containsExactly("E1");
    }

    @Test
    void maps_through_a_third_framework_when_no_file_links_the_two() {
        assertThat(crosswalk.canMap("old", "next")).isTrue();
        assertThat(crosswalk.map("old", "S1", "next")).containsExactly("A-S1");
        assertThat(crosswalk.map("next", "A-S1", "old")).containsExactly("S1", "S2");
        assertThat(crosswalk.map("next", "A-E1", "old")).containsExactly("E1");
    }

    @Test
    void the_same_framework_gives_the_code_back_and_codes_ignore_case() {
        assertThat(crosswalk.map("old", "S2", "old")).containsExactly("S2");
        assertThat(crosswalk.map("old", " s2 ", "new")).containsExactly("QS-S1", "QS-S2", "QS-S3");
    }

    @Test
    void a_code_the_framework_lacks_maps_to_nothing() {
        assertThat(crosswalk.map("old", "W9", "new")).isEmpty();
        assertThat(crosswalk.map("old", null, "new")).isEmpty();
    }

    @Test
    void unlinked_or_unknown_frameworks_cannot_be_mapped() {
        assertThat(crosswalk.canMap("old", "alone")).isFalse();
        assertThat(crosswalk.canMap("old", "nowhere")).isFalse();
        assertThat(crosswalk.canMap("alone", "alone")).isTrue();
        assertThatThrownBy(() -> crosswalk.map("old", "S1", "alone"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No crosswalk from old to alone");
        assertThat(Crosswalk.none(CODES).canMap("old", "new")).isFalse();
    }

    @Test
    void knows_its_frameworks_and_files() {
        assertThat(crosswalk.frameworks()).containsExactly("old", "new", "next", "alone");
        assertThat(crosswalk.pairs()).containsExactly(OLD_NEW, NEXT_NEW);
    }
}
