/**
 * Feature: the weekly check-in: a home's answers for a week (rating, what we did, evidence, next step, a highlight to
 * share), their revisions and lateness.
 *
 * <p>The use case is {@link uk.stepup.checkins.CheckinService} (open the form, submit it, edit it, resume a form the
 * privacy guard held). Its Discord side is {@code discord.CheckinInteractions} (the button, the modal, the replies);
 * its storage is {@code storage.JdbcCheckinRepository}: a check-in is written there before the interaction is
 * acknowledged. A check-in held for correction is {@link uk.stepup.checkins.HeldCheckins}.
 *
 * <p>A check-in records its framework and item code ({@code kloe-2017} and {@code S2}); storage takes the framework
 * from the home's cohort when it is first saved. {@link uk.stepup.checkins.CheckinsByItem} reads a home's check-ins
 * under any framework the crosswalks reach.
 */
package uk.stepup.checkins;
