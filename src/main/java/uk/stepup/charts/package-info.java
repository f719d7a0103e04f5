/**
 * Adapter: renders chart values from the features into PNG images (JFreeChart/Java2D).
 */
package uk.stepup.charts;
