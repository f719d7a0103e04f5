/**
 * Feature: next steps followed through. A check-in's "next step or help needed" becomes an {@link
 * uk.stepup.actions.Action} of its home; the following week, before the new check-in's questions, the manager says how
 * it went ({@link uk.stepup.actions.ActionOutcome}: done, partly, not yet, dropped), with a few words if they like.
 * Partly and not yet carry the action forward to the next week; done and dropped close it. The rules (what is due, what
 * is overdue) are plain Java in {@link uk.stepup.actions.FollowThrough}.
 *
 * <p>Its own package, just above {@code checkins}: actions are made from check-ins (through the check-ins' port {@link
 * uk.stepup.checkins.NextSteps}, which {@link uk.stepup.actions.ActionService} implements), and the summaries read
 * them for {@code /progress}, {@code /cohort status} and the data export. Its Discord side is {@code
 * discord.ActionInteractions} (the step before the check-in modal); its storage is {@code
 * storage.JdbcActionRepository}.
 */
package uk.stepup.actions;
