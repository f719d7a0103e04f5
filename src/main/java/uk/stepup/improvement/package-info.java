/**
 * Feature: the improvement method (programme spec section 11; the domain brief's section 4). Plain Java; never imports
 * JDA, Quartz, JDBC, Flyway or Jackson.
 *
 * <h2>What is here</h2>
 * <ul>
 *   <li>{@link uk.stepup.improvement.Aim}: what a home aims for with a measure, drawn as the target line on its chart.</li>
 *   <li>{@link uk.stepup.improvement.PdsaCycle}: a Plan-Do-Study-Act cycle; its start is a numbered marker on the
 *       home's charts.</li>
 *   <li>{@link uk.stepup.improvement.Recalculation}: a person's decision to recalculate a home's limits after a
 *       sustained shift that followed an adopted change (the rule is {@code measures/SustainedShift}); it can be
 *       undone and is never made by the bot on its own.</li>
 *   <li>{@link uk.stepup.improvement.ProgressScore} on the {@link uk.stepup.improvement.IhiScale}: a coach's score of
 *       a home's improvement work, kept over time.</li>
 *   <li>{@link uk.stepup.improvement.AimService} ({@code /aim set|clear}) and
 *       {@link uk.stepup.improvement.RecalculationService} (the offer in {@code /measures}, its confirmation and undo):
 *       the home's managers and its cohort's coaches only ({@code HomeAccess}), checked inside each use case.
 *       {@link uk.stepup.improvement.Who} writes who decided ("Name (user id)"); {@link uk.stepup.improvement.AimWords}
 *       how an aim reads.</li>
 *   <li>{@link uk.stepup.improvement.PdsaService}: the use case of a home's cycles ({@code /pdsa new}, Do, Study,
 *       Act, the share choice, the list, the cycles overdue a Study); only the home's managers and the cohort's
 *       coaches may act on a cycle, and every text goes through the privacy guard.</li>
 *   <li>{@link uk.stepup.improvement.ProgressScoreService}: {@code /score set} and {@code /score list}, coaches of the
 *       cohort's server only.</li>
 *   <li>Ports: {@link uk.stepup.improvement.AimRepository}, {@link uk.stepup.improvement.CycleRepository},
 *       {@link uk.stepup.improvement.RecalculationRepository}, {@link uk.stepup.improvement.ProgressScoreRepository}
 *       (storage: {@code storage/Jdbc*} of the same names).</li>
 * </ul>
 *
 * <h2>Where it sits</h2>
 * Above {@code measures} (it charts with the SPC engine and fills in {@code measures/HomeChartNotes} for a home's
 * charts), below {@code summaries} (which lists shared changes, scores and cycles in summaries, reports and exports).
 */
package uk.stepup.improvement;
