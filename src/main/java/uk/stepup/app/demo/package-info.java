/**
 * The {@code demo} verb: a whole simulated programme on the built-in local Discord, through the real bot. The entry
 * point is {@link uk.stepup.app.demo.Demo}, which wires the run; {@link uk.stepup.app.demo.DemoScript} says what
 * happens week by week; the simulated people are {@link uk.stepup.app.demo.SimulatedCoach} and
 * {@link uk.stepup.app.demo.SimulatedManagers} (their habits in {@link uk.stepup.app.demo.Habit}, all choices from
 * one seeded {@link java.util.Random}); {@link uk.stepup.app.demo.Timeline} moves the simulated clock and fires the
 * bot's timers ({@link uk.stepup.app.demo.DemoBot}); {@link uk.stepup.app.demo.DemoOutput} writes the folder. The
 * canned words (names, check-in answers, task titles, the broadcast) are in {@code demo-text.yaml} beside these
 * classes, read by {@link uk.stepup.app.demo.DemoText}: a coach edits them without Java.
 */
package uk.stepup.app.demo;
