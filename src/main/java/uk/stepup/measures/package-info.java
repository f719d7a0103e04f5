/**
 * Feature: QI measures, run charts and SPC (NHS Making Data Count). Plain Java; never imports JDA, Quartz, JDBC,
 * Flyway or Jackson.
 *
 * <h2>What is here</h2>
 * <ul>
 *   <li>{@link uk.stepup.measures.Measure} (a plain number or a {@link uk.stepup.measures.Rate}, weekly or monthly,
 *       with a direction and an optional target) and {@link uk.stepup.measures.MeasureValue} (one home, one period);
 *       the port {@link uk.stepup.measures.MeasureRepository}.</li>
 *   <li>Use cases: {@link uk.stepup.measures.MeasureDefinitionService} ({@code /measure add|list}),
 *       {@link uk.stepup.measures.MeasureEntryService} (the form after a check-in: its pages are laid out by
 *       {@code MeasureFormLayout}, one page's answers read by {@code MeasureAnswers}; it returns
 *       {@link uk.stepup.measures.MeasureForm} and {@link uk.stepup.measures.MeasureEntryResult}),
 *       {@link uk.stepup.measures.MeasureImportService} with {@link uk.stepup.measures.MeasureCsv} ({@code /measure import}),
 *       {@link uk.stepup.measures.HomeMeasuresService} ({@code /measures} and the lines in {@code /progress}) and
 *       {@link uk.stepup.measures.CohortMeasures} (the weekly summary's aggregates).</li>
 *   <li>Their Discord side: {@code discord/MeasureSetupCommand} ({@code /measure}), {@code discord/MeasureInteractions}
 *       (the form's button and modal) and {@code discord/HomeMeasuresCommand} ({@code /measures}). The use cases
 *       return values; Discord's Markdown and limits (five boxes a modal, 45-character labels, 2,000-character
 *       messages, ten files) are written and passed in there. Storage: {@code storage/JdbcMeasureRepository} and
 *       {@code storage/JdbcMeasureDrafts}.</li>
 *   <li>Charts as values ({@link uk.stepup.measures.MeasureChart}, {@link uk.stepup.measures.MeasurePanels}) drawn
 *       through the port {@link uk.stepup.measures.MeasureChartRenderer}; {@link uk.stepup.measures.MeasureSpc} decides
 *       how a measure is charted; the engine itself is {@link uk.stepup.measures.spc}.</li>
 * </ul>
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li><b>XmR for every measure</b>, rates included: Making Data Count's default, and the chart its icons are
 *       defined for. A home's weekly denominators (occupied bed days) barely move, so a u-chart would add little; the
 *       engine's p- and u-charts remain for analysts.</li>
 *   <li><b>A pre-programme baseline fixes the limits</b> once it has 12 values (the month a programme starts in
 *       counts as a programme month). Assurance is then judged against the baseline's limits, so a home that has
 *       clearly improved can still read "hit and miss" until its limits are recalculated: rebasing is the MDC
 *       team's advice after a sustained, explained shift: {@link uk.stepup.measures.SustainedShift} finds it, and
 *       the improvement feature offers it to a person, who confirms it (or undoes it) in {@code /measures}.</li>
 *   <li><b>Monthly measures ask for the last complete month</b>, once: a month's count is only known once it has
 *       ended.</li>
 *   <li><b>Small counts</b> (1 to 4) are suppressed only in what the cohort sees ({@link uk.stepup.measures.SmallCounts}),
 *       and suppressed periods are left out of the cohort chart's limits as well as its points.</li>
 *   <li><b>A value replaces</b> the earlier one for the same measure, home and period (a corrected form or a
 *       re-imported file); a box left empty leaves a stored value as it is.</li>
 *   <li><b>Aggregate only</b>: boxes take numbers and nothing else, and everything typed goes through the
 *       check-ins' {@code PrivacyGuard} first.</li>
 * </ul>
 *
 * <h2>The weekly summary hook</h2>
 * {@code WeeklySummaryBuilder} takes an optional {@link uk.stepup.measures.CohortMeasures}; with it, each
 * {@code WeeklySummary} carries {@link uk.stepup.measures.CohortMeasures#digest} (a line per measure and the
 * small-multiples PNG), which the Discord publisher adds as a field and an attachment. Without it (as in the existing
 * tests) summaries are unchanged.
 */
package uk.stepup.measures;
