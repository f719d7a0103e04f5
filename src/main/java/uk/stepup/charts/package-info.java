/**
 * Adapter: renders chart values from the features into PNG images. {@link uk.stepup.charts.PngCharts} implements
 * the summaries' {@code ChartRenderer} port with plain Java2D rather than JFreeChart: the three charts are small,
 * fixed layouts (a grid of lettered cells, stacked bars, small multiples) where drawing directly gives one
 * consistent phone-sized typography, words in every legend and hatching for "no check-in", and renders a
 * 600-home heatmap in tens of milliseconds. Palette and large-cohort decisions are documented on
 * {@code Palette} and {@code HeatmapPainter}.
 */
package uk.stepup.charts;
