/**
 * Adapter: renders a cohort's {@code OutcomeReport} as one self-contained HTML file (inline CSS, charts as base64
 * PNG data URIs drawn through the summaries' {@code ChartRenderer} port, no scripts, no external resources) that
 * prints cleanly on A4. Every piece of text from the database is HTML-escaped.
 */
package uk.stepup.report;
