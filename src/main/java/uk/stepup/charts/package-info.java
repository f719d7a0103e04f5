/**
 * Adapter: renders chart values from the features into PNG images. {@link uk.stepup.charts.PngCharts} implements
 * the summaries' {@code ChartRenderer} port with plain Java2D rather than JFreeChart: the three charts are small,
 * fixed layouts (a grid of lettered cells, stacked bars, small multiples) where drawing directly gives one
 * consistent phone-sized typography, words in every legend and hatching for "no check-in", and renders a
 * 600-home heatmap in tens of milliseconds. Palette and large-cohort decisions are documented on
 * {@code Palette} and {@code HeatmapPainter}.
 *
 * <p>{@code PngCharts} also implements the measures' {@code MeasureChartRenderer}: {@code SpcPainter} draws a
 * measure's XmR chart in NHS Making Data Count style, full width for a home and as small multiples for a cohort,
 * from the SPC engine's points (classification, mean, limits) without recalculating anything.
 */
package uk.stepup.charts;
