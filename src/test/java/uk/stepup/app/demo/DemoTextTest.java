package uk.stepup.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's words come from its YAML file, and a file missing an entry the demo needs says which. */
class DemoTextTest {
    @Test
    void the_shipped_text_has_every_list_the_demo_picks_from() {
        DemoText text = DemoText.load();

        assertThat(text.server()).isEqualTo("Step up to Outstanding");
        assertThat(text.homes()).hasSize(12).startsWith("Oak House");
        assertThat(text.managers()).hasSize(12);
        assertThat(text.checkin().did()).hasSize(7);
        assertThat(text.checkin().didWhenStruggling()).hasSize(1);
        assertThat(text.checkin().highlights()).hasSize(16).doesNotHaveDuplicates();
        assertThat(text.tasks().titles()).hasSize(6);
        assertThat(text.halfwayBroadcast()).startsWith("Halfway there.").endsWith("where it sticks.");
    }

    @Test
    void an_empty_list_is_named_in_the_error() {
        DemoText text = DemoText.load();
        DemoText.Checkin noHighlights = new DemoText.Checkin(
                text.checkin().did(),
                text.checkin().didWhenStruggling(),
                text.checkin().evidence(),
                List.of(),
                text.checkin().askWhenStruggling());
        DemoText broken = new DemoText(
                text.server(),
                text.cohort(),
                text.coach(),
                text.homes(),
                text.managers(),
                noHighlights,
                text.tasks(),
                text.sessions(),
                text.halfwayBroadcast(),
                text.improvement());

        assertThatThrownBy(broken::checked)
                .hasMessageContaining("demo-text.yaml")
                .hasMessageContaining("checkin.highlights");
    }
}
