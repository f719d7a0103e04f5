package uk.stepup.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.stepup.charts.Pngs.decode;
import static uk.stepup.charts.Pngs.rgb;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.stepup.shared.Rating;
import uk.stepup.summaries.Heatmap;
import uk.stepup.summaries.HeatmapRow;

class HeatmapChartTest {
    private static final Optional<Rating> O = Optional.of(Rating.OUTSTANDING);
    private static final Optional<Rating> G = Optional.of(Rating.GOOD);
    private static final Optional<Rating> RI = Optional.of(Rating.REQUIRES_IMPROVEMENT);
    private static final Optional<Rating> I = Optional.of(Rating.INADEQUATE);
    private static final Optional<Rating> NONE = Optional.empty();

    private final PngCharts charts = new PngCharts();

    @Test
    void decodes_as_a_png_of_the_laid_out_size() {
        Heatmap heatmap = ChartData.cohort(12, 24, 1, false);
        BufferedImage image = decode(charts.heatmapPng(heatmap));
        HeatmapPainter layout = HeatmapPainter.layout(heatmap);

        assertThat(image.getWidth()).isEqualTo(Sheet.WIDTH).isEqualTo(layout.width());
        assertThat(image.getHeight()).isEqualTo(layout.height()).isBetween(500, 1200);
        assertThat(rgb(image, 2, 2)).as("white background").isEqualTo(0xFFFFFF);
    }

    @Test
    void every_cell_has_its_rating_colour_and_letter_and_missing_cells_are_hatched_grey() {
        List<List<Optional<Rating>>> grid =
                List.of(List.of(O, G, RI, I, NONE), List.of(G, G, NONE, RI, RI), List.of(I, RI, G, O, O));
        List<HeatmapRow> rows = new ArrayList<>();
        for (int r = 0; r < grid.size(); r++) {
            rows.add(new HeatmapRow("Home " + (char) ('A' + r), grid.get(r), false));
        }
        Heatmap heatmap = new Heatmap("Cohort", List.of("S1", "S2", "S3", "S4", "S5"), rows);
        BufferedImage image = decode(charts.heatmapPng(heatmap));
        HeatmapPainter layout = HeatmapPainter.layout(heatmap);

        for (int r = 0; r < grid.size(); r++) {
            for (int c = 0; c < 5; c++) {
                Rectangle cell = layout.cell(r, c);
                Optional<Rating> rating = grid.get(r).get(c);
                int corner = rgb(image, cell.x + 2, cell.y + 2);
                if (rating.isPresent()) {
                    int fill = rgb(Palette.fill(rating.get()));
                    assertThat(corner).as("cell %d,%d", r, c).isEqualTo(fill);
                    assertThat(Pngs.count(image, cell, rgb(Palette.ink(rating.get()))))
                            .as("letter %s drawn in cell %d,%d", Palette.letter(rating.get()), r, c)
                            .isGreaterThan(20);
                } else {
                    assertThat(Pngs.noCheckinGrey(corner))
                            .as("cell %d,%d is grey: %06x", r, c, corner)
                            .isTrue();
                    assertThat(Pngs.count(image, cell, rgb(Palette.NO_CHECKIN_HATCH)))
                            .as("hatched")
                            .isGreaterThan(20);
                }
            }
        }
    }

    @Test
    void the_viewers_own_home_is_outlined() {
        List<HeatmapRow> rows = List.of(
                new HeatmapRow("Home A", List.of(G, G), false),
                new HeatmapRow("Home B", List.of(RI, G), true),
                new HeatmapRow("Home C", List.of(O, NONE), false));
        Heatmap heatmap = new Heatmap("Cohort", List.of("S1", "S2"), rows);
        BufferedImage image = decode(charts.heatmapPng(heatmap));
        HeatmapPainter layout = HeatmapPainter.layout(heatmap);

        Rectangle own = layout.cell(1, 0);
        Rectangle other = layout.cell(0, 0);
        assertThat(rgb(image, own.x - 2, own.y + own.height / 2)).isEqualTo(rgb(Palette.INK));
        assertThat(rgb(image, other.x - 2, other.y + other.height / 2)).isEqualTo(0xFFFFFF);
    }

    @Test
    void sixty_homes_get_a_row_each_and_the_image_stays_phone_sized() {
        Heatmap heatmap = ChartData.cohort(HeatmapPainter.MAX_ROWS, 24, 3, true);
        HeatmapPainter layout = HeatmapPainter.layout(heatmap);
        BufferedImage image = decode(charts.heatmapPng(heatmap));

        assertThat(layout.drawsStrips()).isFalse();
        assertThat(image.getHeight()).isLessThan(2300);
        assertThat(layout.cell(1, 0).y - layout.cell(0, 0).y).isEqualTo(HeatmapPainter.SHORT_ROW);
    }

    @Test
    void six_hundred_homes_by_twenty_four_kloes_become_one_distribution_strip_per_kloe() {
        List<HeatmapRow> rows = new ArrayList<>();
        for (int h = 0; h < 600; h++) {
            List<Optional<Rating>> cells = new ArrayList<>(Collections.nCopies(24, G));
            cells.set(0, O);
            cells.set(1, NONE);
            cells.set(2, h < 300 ? G : I);
            rows.add(new HeatmapRow("Home " + ChartData.anonymousLabel(h), cells, h == 42));
        }
        Heatmap heatmap = new Heatmap("Cohort", ChartData.KLOES, rows);
        HeatmapPainter layout = HeatmapPainter.layout(heatmap);
        BufferedImage image = decode(charts.heatmapPng(heatmap));

        assertThat(layout.drawsStrips()).isTrue();
        assertThat(image.getWidth()).isEqualTo(Sheet.WIDTH);
        assertThat(image.getHeight()).isEqualTo(layout.height()).isLessThan(1200);
        Rectangle all = layout.strip(0);
        assertThat(rgb(image, all.x + 2, all.y + 2)).isEqualTo(rgb(Palette.OUTSTANDING));
        assertThat(rgb(image, all.x + 2, all.y + all.height - 3)).isEqualTo(rgb(Palette.OUTSTANDING));
        Rectangle none = layout.strip(1);
        assertThat(Pngs.noCheckinGrey(rgb(image, none.x + 2, none.y + none.height / 2)))
                .isTrue();
        Rectangle half = layout.strip(2);
        assertThat(rgb(image, half.x + 2, half.y + half.height / 4)).isEqualTo(rgb(Palette.GOOD));
        assertThat(rgb(image, half.x + 2, half.y + half.height * 3 / 4)).isEqualTo(rgb(Palette.INADEQUATE));
        // The viewer's home is still a row of its own under the strips.
        Rectangle own = layout.cell(0, 2);
        assertThat(own.y).isGreaterThan(half.y + half.height);
        assertThat(rgb(image, own.x + 2, own.y + 2)).isEqualTo(rgb(Palette.GOOD));
    }

    @Test
    void fifteen_thousand_homes_render_at_a_fixed_phone_size() {
        BufferedImage image = decode(charts.heatmapPng(ChartData.cohort(15_000, 24, 12, true)));

        assertThat(image.getWidth()).isEqualTo(Sheet.WIDTH);
        assertThat(image.getHeight()).as("the strips, not 15,000 rows").isLessThan(1000);
    }

    @Test
    void no_homes_yet_gives_a_friendly_no_checkins_image() {
        BufferedImage image = decode(charts.heatmapPng(new Heatmap("Spring cohort", List.of(), List.of())));

        assertThat(image.getWidth()).isEqualTo(Sheet.WIDTH);
        assertThat(image.getHeight()).isBetween(200, 500);
        assertThat(Pngs.dark(image, new Rectangle(0, 0, image.getWidth(), image.getHeight())))
                .isGreaterThan(500);
    }

    @Test
    void week_one_with_no_checkins_yet_gives_the_friendly_image_too() {
        Heatmap weekOne = new Heatmap(
                "Spring cohort",
                List.of("S1"),
                List.of(
                        new HeatmapRow("Rosewood Lodge", List.of(NONE), false),
                        new HeatmapRow("Beech House", List.of(NONE), true)));
        Heatmap notStarted =
                new Heatmap("Spring cohort", List.of(), List.of(new HeatmapRow("Rosewood Lodge", List.of(), false)));

        assertThat(decode(charts.heatmapPng(weekOne)).getHeight()).isBetween(200, 500);
        assertThat(decode(charts.heatmapPng(notStarted)).getHeight()).isBetween(200, 500);
    }

    @Test
    void week_one_with_a_checkin_is_one_column_labelled_with_its_code() {
        Heatmap heatmap = new Heatmap(
                "Spring cohort",
                List.of("S1"),
                List.of(
                        new HeatmapRow("Rosewood Lodge", List.of(G), false),
                        new HeatmapRow("Beech House", List.of(NONE), false)));
        BufferedImage image = decode(charts.heatmapPng(heatmap));
        Rectangle cell = HeatmapPainter.layout(heatmap).cell(0, 0);

        assertThat(rgb(image, cell.x + 2, cell.y + 2)).isEqualTo(rgb(Palette.GOOD));
        assertThat(Pngs.dark(image, new Rectangle(cell.x, cell.y - 40, cell.width, 36)))
                .as("S1 above")
                .isGreaterThan(30);
    }

    @Test
    void long_and_unicode_names_render_and_stay_in_their_column() {
        List<String> names = List.of(
                "Oakfield Residential Care Home for Older People Living with Dementia and Their Families",
                "Tŷ Gwyn Cartref Gofal",
                "Maison Zoë",
                "Дом «Берёзка»",
                "Ελπίδα",
                "دار الرعاية",
                "🌸 Blossom House",
                "松林护理院",
                "Ze\u0301phyr Court",
                "Line\nbreak\tand\u0000control",
                "");
        List<HeatmapRow> rows = new ArrayList<>();
        for (String name : names) {
            rows.add(new HeatmapRow(name, List.of(G, RI, NONE), false));
        }
        Heatmap heatmap = new Heatmap("Names from everywhere", List.of("S1", "S2", "S3"), rows);
        HeatmapPainter layout = HeatmapPainter.layout(heatmap);
        BufferedImage image = decode(charts.heatmapPng(heatmap));

        for (int r = 0; r < rows.size(); r++) {
            Rectangle first = layout.cell(r, 0);
            Rectangle gap =
                    new Rectangle(layout.labelRight() + 1, first.y, first.x - layout.labelRight() - 4, first.height);
            assertThat(gap.width).isPositive();
            assertThat(Pngs.count(image, gap, 0xFFFFFF))
                    .as("nothing spills out of name %d", r)
                    .isEqualTo(gap.width * gap.height);
            Rectangle label = new Rectangle(Sheet.MARGIN, first.y, layout.labelRight() - Sheet.MARGIN, first.height);
            assertThat(Pngs.dark(image, label)).as("name %d is drawn", r).isGreaterThan(20);
        }
    }

    @Test
    void thirty_four_columns_for_the_newer_framework_still_fit() {
        List<String> codes = new ArrayList<>();
        int[] sizes = {8, 6, 5, 7, 8};
        String letters = "SECRW";
        for (int k = 0; k < 5; k++) {
            for (int i = 1; i <= sizes[k]; i++) {
                codes.add(letters.charAt(k) + String.valueOf(i));
            }
        }
        List<HeatmapRow> rows = List.of(new HeatmapRow("Rosewood Lodge", Collections.nCopies(34, RI), false));
        Heatmap heatmap = new Heatmap("Quality statements", codes, rows);
        BufferedImage image = decode(charts.heatmapPng(heatmap));
        Rectangle last = HeatmapPainter.layout(heatmap).cell(0, 33);

        assertThat(last.x + last.width).isLessThan(image.getWidth());
        assertThat(rgb(image, last.x + 2, last.y + 2)).isEqualTo(rgb(Palette.REQUIRES_IMPROVEMENT));
    }

    @Test
    void strip_heights_add_up_exactly() {
        int[] heights = HeatmapPainter.shares(new int[] {1, 1, 1, 0, 0}, 3, 440);
        assertThat(heights[0] + heights[1] + heights[2] + heights[3] + heights[4])
                .isEqualTo(440);
        assertThat(heights[3]).isZero();
        assertThat(HeatmapPainter.shares(new int[] {0, 0, 0, 0, 0}, 0, 440)).containsOnly(0);
    }
}
