/**
 * Feature kernel: the few values every feature speaks (who is acting, a reply's outcome, ratings, key questions, a
 * weekly time, text typed by a person). The bottom layer: it uses nothing but the JDK.
 *
 * <p>Entry points: {@link uk.stepup.shared.Actor} (who is asking, with their role), {@link uk.stepup.shared.Outcome}
 * (what a use case answers: done, refused or invalid, with words for the person).
 */
package uk.stepup.shared;
