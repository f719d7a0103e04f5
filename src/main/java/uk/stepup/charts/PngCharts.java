package uk.stepup.charts;

import uk.stepup.measures.MeasureChart;
import uk.stepup.measures.MeasureChartRenderer;
import uk.stepup.measures.MeasurePanels;
import uk.stepup.summaries.ChartRenderer;
import uk.stepup.summaries.Heatmap;
import uk.stepup.summaries.ParticipationSeries;
import uk.stepup.summaries.RatingJourney;

/**
 * Renders the summaries' charts as PNG images with plain Java2D, sized for Discord on a phone: 1200 px wide
 * (Discord shows it about 400 px wide, so roughly three image pixels per screen point), text at least 22 px, a
 * white background, words in every legend. Stateless and safe to share between threads; needs
 * {@code java.awt.headless=true} on a server and at least one installed font (the Docker image installs DejaVu).
 */
public final class PngCharts implements ChartRenderer, MeasureChartRenderer {

    @Override
    public byte[] heatmapPng(Heatmap heatmap) {
        return HeatmapPainter.paint(heatmap);
    }

    @Override
    public byte[] participationPng(ParticipationSeries series) {
        return ParticipationPainter.paint(series);
    }

    @Override
    public byte[] journeyPng(RatingJourney journey) {
        return JourneyPainter.paint(journey);
    }

    @Override
    public byte[] measurePng(MeasureChart chart) {
        return SpcPainter.paint(chart);
    }

    @Override
    public byte[] panelsPng(MeasurePanels panels) {
        return SpcPainter.paintPanels(panels);
    }
}
