/**
 * Feature: the weekly check-in: a home's answers for a week (rating, what we did, evidence, next step, a highlight to
 * share), their revisions and lateness.
 *
 * <p>The use case is {@link uk.stepup.checkins.CheckinService} (open the form, submit it, edit it, resume a form the
 * privacy guard held). Its Discord side is {@code discord.CheckinInteractions} (the button, the modal, the replies);
 * its storage is {@code storage.JdbcCheckinRepository}: a check-in is written there before the interaction is
 * acknowledged. A check-in held for correction is {@link uk.stepup.checkins.HeldCheckins}.
 */
package uk.stepup.checkins;
