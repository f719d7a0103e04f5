package uk.stepup.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.stepup.shared.Rating;
import uk.stepup.summaries.Heatmap;
import uk.stepup.summaries.HeatmapRow;
import uk.stepup.summaries.ParticipationSeries;
import uk.stepup.summaries.RatingJourney;

/**
 * Writes every kind of chart to {@code target/chart-samples/} so a person can look at them (and at how they read
 * shrunk to a phone's width), each checked to decode and be drawn on. How long the big heatmaps take to render is
 * {@code ChartRenderBenchmark}'s to measure.
 */
class ChartSamplesTest {
    static final Path SAMPLES = Path.of("target", "chart-samples");

    private final PngCharts charts = new PngCharts();

    @Test
    void writes_samples_for_people_to_look_at() throws IOException {
        Files.createDirectories(SAMPLES);
        write("heatmap-12-homes-week-24.png", charts.heatmapPng(ChartData.cohort(12, 24, 1, false)));
        write("heatmap-anonymous-40-homes-week-10.png", charts.heatmapPng(ChartData.cohort(40, 10, 2, true)));
        write("heatmap-60-homes-week-24.png", charts.heatmapPng(ChartData.cohort(60, 24, 3, true)));
        write("heatmap-600-homes-week-24.png", charts.heatmapPng(ChartData.cohort(600, 24, 4, true)));
        write("heatmap-8-homes-week-1.png", charts.heatmapPng(ChartData.cohort(8, 1, 5, false)));
        write(
                "heatmap-no-homes.png",
                charts.heatmapPng(new Heatmap("Spring cohort · self-ratings", List.of(), List.of())));
        write(
                "heatmap-week-1-no-checkins.png",
                charts.heatmapPng(new Heatmap(
                        "Spring cohort · self-ratings after week 1",
                        "3 homes",
                        List.of("S1"),
                        List.of(
                                new HeatmapRow("Rosewood Lodge", List.of(Optional.<Rating>empty()), false),
                                new HeatmapRow("Beech House", List.of(Optional.<Rating>empty()), false),
                                new HeatmapRow("Meadowbank", List.of(Optional.<Rating>empty()), false)))));
        write("heatmap-unicode-and-long-names.png", charts.heatmapPng(unicodeNames()));
        write("heatmap-34-quality-statements.png", charts.heatmapPng(qualityStatements()));
        write("participation-24-weeks.png", charts.participationPng(ChartData.participation(30, 24, 6)));
        write("participation-5-weeks.png", charts.participationPng(ChartData.participation(8, 5, 7)));
        write("participation-none.png", charts.participationPng(new ParticipationSeries("Spring cohort", List.of())));
        write("journey-week-24.png", charts.journeyPng(ChartData.journey(24, 8)));
        write("journey-week-8.png", charts.journeyPng(ChartData.journey(8, 9)));
        write("journey-empty.png", charts.journeyPng(new RatingJourney("Rosewood Lodge", List.of())));
        try (Stream<Path> files = Files.list(SAMPLES)) {
            assertThat(files.filter(f -> f.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(16);
        }
    }

    private static Heatmap unicodeNames() {
        List<String> names = List.of(
                "Oakfield Residential Care Home for Older People Living with Dementia",
                "Tŷ Gwyn Cartref Gofal",
                "Maison Zoë",
                "Дом «Берёзка»",
                "Ελπίδα",
                "دار الرعاية",
                "🌸 Blossom House",
                "松林护理院",
                "Ze\u0301phyr Court",
                "Line\nbreak\tand control");
        Random random = new Random(21);
        List<HeatmapRow> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            rows.add(new HeatmapRow(names.get(i), ChartData.ratings(random, 6), i == 1));
        }
        return new Heatmap(
                "Names from everywhere · week 6",
                "Unsupported characters are left out, never boxes",
                ChartData.kloes(6),
                rows);
    }

    private static Heatmap qualityStatements() {
        List<String> codes = new ArrayList<>();
        int[] sizes = {8, 6, 5, 7, 8};
        for (int k = 0; k < sizes.length; k++) {
            for (int i = 1; i <= sizes[k]; i++) {
                codes.add("SECRW".charAt(k) + String.valueOf(i));
            }
        }
        Random random = new Random(22);
        List<HeatmapRow> rows = new ArrayList<>();
        for (int h = 0; h < 15; h++) {
            rows.add(new HeatmapRow("Home " + ChartData.anonymousLabel(h), ChartData.ratings(random, 34), false));
        }
        return new Heatmap("Quality statements cohort · week 34", "15 homes", codes, rows);
    }

    /** Writes a sample for a person to open, once it decodes and is drawn on (what a test can check of a picture). */
    private static void write(String name, byte[] png) throws IOException {
        Pngs.assertDrawn(name, png, 300);
        Files.write(SAMPLES.resolve(name), png);
    }
}
