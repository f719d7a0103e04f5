/**
 * Statistical process control (SPC) for the programme's measures: XmR charts with NHS England's
 * "Making Data Count" (MDC) rules, p- and u-charts for proportions and rates with varying
 * denominators, and run charts with Anhøj's rules for short series. Plain Java (records and enums,
 * nothing beyond the JDK) so the bot, the analysts' {@code spc} command and the charting adapter all
 * get the same numbers.
 *
 * <p>The reference implementation is <b>NHSRplotthedots</b> (NHS-R Community, CRAN 0.2.2), which
 * aims to reproduce the MDC Excel tools. The XmR calculation and the rules here are a line-by-line
 * port of its {@code ptd_spc_standard.R}, {@code ptd_calculate_point_type.R},
 * {@code ptd_calculate_assurance_type.R} and {@code geom_ptd_icon.R}; the R function names appear in
 * the code comments. Where we behave differently, or where NHSRplotthedots differs from the Excel
 * tool, it is listed at the end of this page.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link uk.stepup.measures.spc.Spc#xmr Spc.xmr(observations, options)} returns an
 *       {@link uk.stepup.measures.spc.SpcChart}; {@link uk.stepup.measures.spc.XmrOptions} mirrors
 *       {@code ptd_spc()}'s {@code improvement_direction}, {@code target}, {@code fix_after_n_points},
 *       {@code rebase} and {@code screen_outliers}.</li>
 *   <li>{@link uk.stepup.measures.spc.Spc#pChart Spc.pChart} and
 *       {@link uk.stepup.measures.spc.Spc#uChart Spc.uChart} take
 *       {@link uk.stepup.measures.spc.CountObservation}s (numerator and denominator) and return the same
 *       {@code SpcChart} type.</li>
 *   <li>{@link uk.stepup.measures.spc.Spc#runChart Spc.runChart} returns a
 *       {@link uk.stepup.measures.spc.RunChart}; {@link uk.stepup.measures.spc.AnhojRules} gives the
 *       two thresholds for any n.</li>
 *   <li>{@link uk.stepup.measures.spc.SpcCsv} reads the analysts' {@code date,value} files and writes
 *       {@code date,value,mean,lpl,upl,point_type}.</li>
 * </ul>
 * Every point of a chart ({@link uk.stepup.measures.spc.SpcPoint}) carries what a drawing needs: date,
 * value, recalculation period, centre line (the mean for XmR), lower and upper process limits, the
 * 2-sigma lines, its point type and every rule it is part of. Input must be in strictly increasing
 * date order; the engine refuses duplicates and unsorted input rather than sorting silently.
 *
 * <h2>XmR centre line and limits</h2>
 * For each recalculation period (the whole series, or the stretch from one rebase date to the next):
 * <ol>
 *   <li>The <em>baseline</em> is the period's first N points when limits are fixed after N points
 *       ({@code fix_after_n_points}), otherwise all its points.</li>
 *   <li>Mean x̄ of the baseline values. Moving ranges MRᵢ = |xᵢ − xᵢ₋₁| between consecutive baseline
 *       points (never across a rebase); MR̄ is their mean.</li>
 *   <li><b>Outlier screening</b> (on by default, as in NHSRplotthedots; Nelson 1982, Provost and
 *       Murray 2011): moving ranges are kept only if <em>strictly below</em> 3.267 × MR̄, so a moving
 *       range at or above that cut is dropped, and MR̄ is recomputed from the rest. This happens once,
 *       not repeatedly. Switch it off ({@code screenOutliers = false}, {@code --screen-outliers false})
 *       to reproduce the Excel tool.</li>
 *   <li>Process limits x̄ ± 2.66 × MR̄ (2.66 = 3 / d₂, d₂ = 1.128). The 2-sigma lines are
 *       x̄ ± {@code 2 * (2.66 / 3)} × MR̄ ≈ x̄ ± 1.7733 × MR̄, computed in that order as the R code does.</li>
 *   <li>Every point of the period, including points after a fixed baseline, is judged against that
 *       period's mean and limits.</li>
 * </ol>
 *
 * <h2>The four special-cause rules</h2>
 * Evaluated separately within each recalculation period: no pattern spans a rebase. All comparisons
 * are strict.
 * <ol>
 *   <li><b>Outside the limits</b> ({@link uk.stepup.measures.spc.SpcRule#OUTSIDE_LIMITS}): value
 *       &gt; upper limit or &lt; lower limit. A value exactly on a limit is inside.</li>
 *   <li><b>Trend</b> ({@link uk.stepup.measures.spc.SpcRule#TREND}): 7 consecutive points, each
 *       strictly higher than the one before (6 rising steps), or each strictly lower. <em>An equal
 *       pair breaks the trend</em>: ties neither count nor are skipped (unlike the run-chart
 *       convention that a repeated value neither makes nor breaks a trend). All 7 points, and every
 *       point of a longer trend, are flagged. Trends ignore the mean and may cross it.</li>
 *   <li><b>Two of three</b> ({@link uk.stepup.measures.spc.SpcRule#TWO_OF_THREE}): a point is
 *       <em>close to the limits</em> when it is not outside them and lies beyond a 2-sigma line
 *       (value &lt; lower 2-sigma line or &gt; upper 2-sigma line; exactly on the line is not close,
 *       exactly on the limit is). The rule fires for a window of 3 consecutive points wholly inside
 *       the period in which at least 2 are close to the limits <em>and all 3 are strictly on the
 *       same side of the mean</em> (so the third point must be on that side too, and a point exactly
 *       on the mean disqualifies the window). Only the close points in such a window are flagged, not
 *       the third one. A point beyond the process limit does not count as close: beyond, beyond,
 *       close leaves the last point common cause (NHSRplotthedots issue 153).</li>
 *   <li><b>Shift</b> ({@link uk.stepup.measures.spc.SpcRule#SHIFT}): 7 consecutive points all
 *       strictly above, or all strictly below, the mean. <em>A point exactly on the mean breaks the
 *       run</em> and belongs to neither side. All 7 points, and every point of a longer run, are
 *       flagged.</li>
 * </ol>
 *
 * <h2>Classifying points</h2>
 * A point in no pattern is {@code common_cause}. Otherwise the first rule in the order above that it
 * is part of decides whether it is "high" or "low":
 * <ul>
 *   <li>outside the limits: high if above the mean, low otherwise;</li>
 *   <li>trend: the direction of the trend, taken from the step to the next point when that point is
 *       also in a trend, otherwise from the step from the previous point. So a peak shared by a rise and
 *       a fall counts as falling, and (an NHSRplotthedots quirk we keep) a trend point whose step to its
 *       trending neighbour is flat counts as falling;</li>
 *   <li>two of three, shift: the side of the mean.</li>
 * </ul>
 * So seven falling points above the mean are a falling trend, not a high shift (NHSRplotthedots issue
 * 171). With improvement direction {@code increase}, high is {@code special_cause_improvement} and low
 * {@code special_cause_concern}; {@code decrease} is the mirror image; {@code neutral} gives
 * {@code special_cause_neutral_high} or {@code special_cause_neutral_low}. Besides the type, each point
 * lists every rule it is part of ({@link uk.stepup.measures.spc.SpcPoint#rules()}), in the same order.
 *
 * <h2>Variation and assurance icons</h2>
 * <ul>
 *   <li><b>Variation</b> is the latest point's type, as {@code summary()}'s {@code variation_type}:
 *       {@code common_cause}, {@code special_cause_improvement}, {@code special_cause_concern},
 *       {@code special_cause_neutral_high} or {@code special_cause_neutral_low}. The icon
 *       ({@link uk.stepup.measures.spc.VariationIcon}, named as NHSRplotthedots' icon files) adds the
 *       side: improvement is {@code improvement_high} when increase is better and
 *       {@code improvement_low} otherwise; concern is {@code concern_low} when increase is better and
 *       {@code concern_high} otherwise; neutral is {@code neutral_high}/{@code neutral_low}.</li>
 *   <li><b>Assurance</b> compares the target with the latest point's limits (after a rebase, the
 *       latest period's): target strictly above the upper limit is {@code consistent_fail} when increase
 *       is better and {@code consistent_pass} when decrease is; strictly below the lower limit is the
 *       reverse; otherwise, including a target exactly on a limit, {@code inconsistent}. There is no
 *       assurance (empty; {@code null} in the command's JSON) without a target or when the direction is
 *       neutral, as in NHSRplotthedots.</li>
 * </ul>
 *
 * <h2>Rebasing and fixing limits</h2>
 * A rebase date starts a new recalculation period at the observation with that date; each period has
 * its own mean, moving ranges, limits and rule evaluation. A rebase at the first date changes nothing.
 * Limits fixed after N points use the first N points of <em>each</em> period; N must be at least 12,
 * the minimum NHSRplotthedots accepts. MDC advice is to rebase only after a sustained, explained change,
 * not as a rolling recalculation.
 *
 * <h2>How many points</h2>
 * <ul>
 *   <li>A period needs at least 2 points (one moving range). With fewer the engine refuses rather than
 *       return undefined limits.</li>
 *   <li>Limits calculated from fewer than 12 points are <em>trial limits</em>
 *       ({@link uk.stepup.measures.spc.SpcPeriod#trialLimits()}): they are still calculated and the
 *       rules still applied, as NHSRplotthedots does, but they will move as data arrive. The chart
 *       reports it ({@link uk.stepup.measures.spc.SpcChart#hasTrialLimits()}); the {@code spc} command
 *       prints a one-line warning and {@code "trial_limits":true}. Run charts suit the very short
 *       series.</li>
 * </ul>
 *
 * <h2>Constant series</h2>
 * When every moving range is 0 (for example ten weeks of zero falls), MR̄ = 0 and both limits equal the
 * mean. Screening is skipped because there is nothing to screen. All points of a constant series are on
 * the mean, so all are common cause; with a fixed constant baseline, any later value off the mean is
 * outside the (zero-width) limits.
 *
 * <h2>Run charts (Anhøj rules, as qicharts2)</h2>
 * The centre line is the median of all values (mean of the middle two for an even count). Points on the
 * median are not "useful": they neither break nor extend a run. With n useful points, runs are maximal
 * sequences on one side and crossings = runs − 1.
 * <ul>
 *   <li>Shift signal: the longest run is longer than {@code round(log2(n)) + 3}.</li>
 *   <li>Crossings signal: fewer crossings than {@code qbinom(0.05, n − 1, 0.5)}, computed exactly with
 *       integers. Too many crossings are not flagged.</li>
 * </ul>
 * For n = 10, 12, 20, 24 the thresholds are 6/2, 7/3, 7/6 and 8/8. The rules are applied for any n ≥ 1,
 * but have little power below 10 useful points. The trend rule is deliberately not offered (Anhøj and
 * Olesen found it adds false signals).
 *
 * <h2>p- and u-charts</h2>
 * p̄ (or ū) = Σ numerators / Σ denominators over the whole series. Each point has its own limits:
 * p̄ ± 3√(p̄(1 − p̄)/nᵢ), clamped to [0, 1]; ū ± 3√(ū/nᵢ), lower limit clamped at 0 (2-sigma lines
 * likewise with 2 instead of 3). The four rules above are applied with each point's own limits and the
 * result uses the same point types and icons. There is no rebasing, fixing or screening for these
 * charts, and no trial-limit flag. A zero denominator is refused, as is a numerator above its
 * denominator in a p-chart.
 *
 * <h2>Where we differ from NHSRplotthedots</h2>
 * <ol>
 *   <li><b>Constant baseline with screening on.</b> NHSRplotthedots keeps moving ranges with
 *       {@code mr < 3.267 * amr}; when every moving range is 0 that is {@code 0 < 0}, so every range is
 *       dropped and the limits become NaN (and nothing is ever outside them). We skip screening when
 *       MR̄ = 0, which gives limits equal to the mean: the same as its {@code screen_outliers = FALSE}
 *       and the Excel tool.</li>
 *   <li><b>Trial-limit threshold.</b> NHSRplotthedots documents and tests "fewer than 12 points", but
 *       its released default option is 13 ({@code getOption("ptd_spc.warning_threshold", 13)}), so it
 *       also warns for exactly 12. We use the documented 12.</li>
 *   <li><b>Unmatched rebase dates.</b> NHSRplotthedots ignores a rebase date that is not the date of a
 *       row; we refuse it (usage error in the command), so a typo cannot silently leave a chart
 *       unrebased.</li>
 *   <li><b>Periods of 1 point.</b> NHSRplotthedots returns NaN limits; we refuse.</li>
 *   <li><b>Input order.</b> NHSRplotthedots sorts by date and refuses duplicates; we refuse both
 *       duplicates and unsorted input, naming the line.</li>
 *   <li><b>Not implemented:</b> facets (call once per series), per-facet targets and rebase lists,
 *       trajectories, and plotting itself (the charting adapter draws from {@code SpcPoint}).</li>
 *   <li><b>Additions:</b> every rule a point is part of (NHSRplotthedots reports only the deciding
 *       one, in {@code special_cause_type}); the 2-sigma lines; p-, u- and run charts, which
 *       NHSRplotthedots does not have. Applying the MDC rules to p- and u-charts with per-point limits
 *       is our choice; qicharts2 applies only its runs rules and 3-sigma limits to them.</li>
 *   <li><b>Output numbers</b> in the command's CSV and JSON (mean and limits) are rounded half-up to 6
 *       decimal places; the {@code value} column echoes each input value at full precision, and the engine
 *       itself keeps full double precision. Means are computed with R's second correction
 *       pass, but in double rather than R's long double, so results can differ in the last bits.</li>
 * </ol>
 *
 * <h2>Where this (and NHSRplotthedots) differs from the MDC Excel tool</h2>
 * <ol>
 *   <li><b>Outlier screening.</b> The Excel tool does not screen moving ranges, so its limits are wider
 *       when there are outlying points (NHSRplotthedots vignette "Deviations from Excel defaults": for
 *       its example series, upper limit 4.6 screened against 6.95 in Excel). Use
 *       {@code screenOutliers = false} / {@code --screen-outliers false} to match Excel.</li>
 *   <li><b>Two of three beyond 2 sigma.</b> The MDC team reported (NHSRplotthedots issue 194,
 *       November 2023) that the Excel single-chart tool was changing to count every point beyond the
 *       2-sigma line, including points beyond the process limit. NHSRplotthedots, and we, count only
 *       points between the 2-sigma line and the limit. Both require all three points on the same side
 *       of the mean and flag only the points beyond 2 sigma.</li>
 *   <li><b>Points that are both improvement and concern.</b> The MDC team reported that the Excel tool
 *       shows improvement when a point is part of both an improving and a concerning pattern. We, like
 *       NHSRplotthedots, decide by rule precedence: outside the limits, then trend, then two of three,
 *       then shift.</li>
 *   <li><b>Short series.</b> The MDC team reported that the Excel tool shows process limits and the
 *       summary icons only from 13 points. We always calculate them and flag limits from fewer than 12
 *       points as trial limits.</li>
 *   <li><b>6-point option.</b> Users report that the Excel tool can use 6 instead of 7 points for
 *       shifts and trends (NHSRplotthedots issue 202). We, like NHSRplotthedots, always use 7.</li>
 *   <li><b>Lines at a rebase.</b> NHSRplotthedots breaks the mean and limit lines at a rebase; Excel
 *       draws them continuously. The engine gives each point its period index so the charting adapter
 *       can choose; NHSRplotthedots' default is to break them.</li>
 * </ol>
 * The Excel tool's behaviour above is taken from NHSRplotthedots' documentation and from the MDC team's
 * and users' comments on its issue tracker; it has not been checked against a copy of the spreadsheet.
 *
 * <h2>Sources</h2>
 * NHSRplotthedots source, tests and vignettes ("Deviations from Excel defaults", "Number of points
 * required"), github.com/nhs-r-community/NHSRplotthedots; NHS England, <i>Making Data Count</i>;
 * Anhøj J, Olesen AV, <i>Run charts revisited</i>, PLoS ONE 2014; qicharts2 ({@code runs.analysis});
 * Nelson LS, <i>Control charts for individual measurements</i>, J Qual Technol 1982; Provost LP, Murray
 * SK, <i>The Health Care Data Guide</i>, 2011.
 */
package uk.stepup.measures.spc;
