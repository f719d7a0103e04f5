package uk.stepup.measures;

/**
 * Port: draws measures' control charts as PNG images in NHS Making Data Count style (grey common cause, blue
 * improvement, orange concern, purple neutral special cause points; black mean, dashed process limits, red target;
 * the variation and assurance icons as labelled badges). A chart without enough data gives a friendly image, never
 * an error or null.
 */
public interface MeasureChartRenderer {

    /** One measure, full width. */
    byte[] measurePng(MeasureChart chart);

    /** Several measures side by side, one small chart each. */
    byte[] panelsPng(MeasurePanels panels);
}
