/**
 * Adapter: renders a cohort's {@code OutcomeReport} as one self-contained HTML file (inline CSS, charts as base64
 * PNG data URIs drawn through the summaries' {@code ChartRenderer} port, no scripts, no external resources) that
 * prints cleanly on A4.
 *
 * <p>The entry point is {@link uk.stepup.report.HtmlReport}. It builds a {@link uk.stepup.report.ReportView} (plain
 * records: the report's words and numbers, every choice made in Java) and lays it out with the JMustache template
 * {@code outcome-report.mustache} and its partials ({@code pill}, {@code change}, {@code figure}) in this package's
 * resources. The engine HTML-escapes every value ({@link uk.stepup.report.Html}); the one value written as it is, the
 * style sheet ({@link uk.stepup.report.ReportStyle}), is a constant. {@link uk.stepup.report.AltText} describes each
 * chart in words.
 *
 * <p>It also lays out a home's evidence portfolio: {@link uk.stepup.report.PortfolioHtml} implements the portfolio
 * feature's {@code PortfolioRenderer} port with {@code portfolio.mustache}, a {@link uk.stepup.report.PortfolioView}
 * and {@link uk.stepup.report.PortfolioStyle} (the report's style sheet plus the portfolio's parts), with the same
 * escaping, Content Security Policy and A4 print rules, its charts drawn through the summaries' and measures' ports.
 */
package uk.stepup.report;
