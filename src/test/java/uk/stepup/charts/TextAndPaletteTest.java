package uk.stepup.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.stepup.shared.Rating;

class TextAndPaletteTest {

    @Test
    void fit_keeps_short_text_and_cuts_long_text_with_an_ellipsis() {
        assertThat(Text.fit("Beech House", Text.BODY, 400)).isEqualTo("Beech House");
        String cut = Text.fit("Oakfield Residential Care Home for Older People", Text.BODY, 200);
        assertThat(cut).endsWith(Text.ELLIPSIS).startsWith("Oakfield");
        assertThat(Text.width(cut, Text.BODY)).isLessThanOrEqualTo(200);
    }

    @Test
    void fit_never_splits_a_character() {
        String name = "Ze\u0301\u0301\u0301phyr 𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜 Court";
        for (int max = 10; max < 300; max += 3) {
            String cut = Text.fit(name, Text.BODY, max);
            String kept = cut.endsWith(Text.ELLIPSIS) ? cut.substring(0, cut.length() - 1) : cut;
            assertThat(name).startsWith(kept);
            assertThat(kept).doesNotEndWith("e").doesNotEndWith("\uD835");
        }
    }

    @Test
    void clean_turns_controls_into_spaces_and_drops_what_no_font_can_show() {
        assertThat(Text.clean("Line\nbreak\t\u0000here  ", Text.BODY)).isEqualTo("Line break here");
        assertThat(Text.clean(null, Text.BODY)).isEmpty();
        String tofu = new String(Character.toChars(0x10FFFD));
        assertThat(Text.clean("Rose" + tofu + "wood", Text.BODY)).isEqualTo("Rosewood");
    }

    @Test
    void wrap_breaks_between_words_and_ellipsises_the_last_line() {
        List<String> lines = Text.wrap("one two three four five six seven eight nine ten", Text.BODY, 150, 2);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).doesNotEndWith(Text.ELLIPSIS);
        assertThat(lines.get(1)).endsWith(Text.ELLIPSIS);
        assertThat(Text.wrap("", Text.BODY, 150, 2)).isEmpty();
    }

    @Test
    void every_rating_letter_is_large_text_with_at_least_three_to_one_contrast() {
        for (Rating r : Rating.values()) {
            assertThat(contrast(Palette.fill(r), Palette.ink(r))).as(r.label()).isGreaterThanOrEqualTo(3.0);
        }
        assertThat(Text.BODY_BOLD.getSize())
                .as("bold 18.66 px or more is large text in WCAG")
                .isGreaterThanOrEqualTo(19);
    }

    @Test
    void the_four_ratings_and_no_checkin_all_look_different() {
        Set<Integer> colours = new HashSet<>();
        for (Rating r : Rating.values()) {
            colours.add(Palette.fill(r).getRGB());
        }
        colours.add(Palette.NO_CHECKIN.getRGB());
        assertThat(colours).hasSize(5);
        assertThat(Palette.letter(Rating.REQUIRES_IMPROVEMENT)).isEqualTo("RI");
    }

    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(int channel) {
        double v = channel / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
