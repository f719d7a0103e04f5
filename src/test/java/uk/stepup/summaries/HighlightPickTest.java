package uk.stepup.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HighlightPickTest {

    private static List<String> shared(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("highlight " + i);
        }
        return out;
    }

    @Test
    void up_to_the_limit_every_highlight_is_shown_in_order() {
        assertThat(HighlightPick.of(shared(HighlightPick.SHOWN), 7, 3)).isEqualTo(shared(HighlightPick.SHOWN));
        assertThat(HighlightPick.of(List.<String>of(), 7, 3)).isEmpty();
    }

    @Test
    void beyond_the_limit_the_same_few_are_shown_each_time_in_their_original_order() {
        List<String> all = shared(6_000);
        List<String> shown = HighlightPick.of(all, 7, 3);
        assertThat(shown).hasSize(HighlightPick.SHOWN).doesNotHaveDuplicates().isSubsetOf(all);
        assertThat(shown).isSortedAccordingTo((a, b) -> Integer.compare(all.indexOf(a), all.indexOf(b)));
        assertThat(HighlightPick.of(all, 7, 3))
                .as("the thread's copy and a retry show the same")
                .isEqualTo(shown);
        assertThat(HighlightPick.of(all, 7, 4)).as("another week, another pick").isNotEqualTo(shown);
        assertThat(HighlightPick.of(all, 8, 3))
                .as("another cohort, another pick")
                .isNotEqualTo(shown);
    }

    @Test
    void the_pick_does_not_favour_the_start_of_the_list() {
        // Over many weeks every part of a 1,000-long list is picked about equally often.
        int[] byDecile = new int[10];
        List<String> all = shared(1_000);
        for (int week = 1; week <= 500; week++) {
            for (String h : HighlightPick.of(all, 1, week)) {
                byDecile[all.indexOf(h) / 100]++;
            }
        }
        for (int n : byDecile) {
            assertThat(n).isBetween(400, 600);
        }
    }
}
