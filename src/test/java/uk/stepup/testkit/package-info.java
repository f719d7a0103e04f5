/**
 * The shared test kit: one recording fake per port ({@link uk.stepup.testkit.RecordingCoachPublisher},
 * {@link uk.stepup.testkit.RecordingProgrammePublisher}), used by every test that needs one instead of a fake of its
 * own. The features themselves are wired by {@code app.Features}, as the bot wires them.
 */
package uk.stepup.testkit;
