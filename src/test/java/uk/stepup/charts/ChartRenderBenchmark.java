package uk.stepup.charts;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import uk.stepup.summaries.Heatmap;

/**
 * How long the big heatmaps take to draw and encode (run with {@code mvn -B -Pbench verify -Dtest=ChartRenderBenchmark});
 * it prints the figures and writes them to {@code target/chart-samples/timings.txt}. A measurement, not a test: it is
 * not part of the ordinary build.
 */
class ChartRenderBenchmark {
    private final PngCharts charts = new PngCharts();

    @Test
    void prints_render_timings_for_the_big_heatmaps() throws IOException {
        Heatmap sixty = ChartData.cohort(60, 24, 10, true);
        Heatmap sixHundred = ChartData.cohort(600, 24, 11, true);
        Heatmap fifteenThousand = ChartData.cohort(15_000, 24, 12, true);
        for (int warmUp = 0; warmUp < 5; warmUp++) {
            charts.heatmapPng(sixty);
            charts.heatmapPng(sixHundred);
        }
        String report = String.format(
                "Heatmap render + PNG encode, best of 5 after warm-up: 60 homes %d ms, "
                        + "600 homes %d ms, 15,000 homes %d ms%n",
                bestMillis(sixty), bestMillis(sixHundred), bestMillis(fifteenThousand));
        System.out.print(report);
        Files.createDirectories(ChartSamplesTest.SAMPLES);
        Files.writeString(ChartSamplesTest.SAMPLES.resolve("timings.txt"), report);
    }

    private long bestMillis(Heatmap heatmap) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            charts.heatmapPng(heatmap);
            best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
        }
        return best;
    }
}
