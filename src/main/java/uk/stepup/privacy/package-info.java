/**
 * Feature: the privacy guard. Resident personal data does not belong in the programme, so every text a person types
 * (check-ins, tasks, broadcasts, measure names, cycle notes) passes through it before it is stored or shown.
 *
 * <p>The use case is {@link uk.stepup.privacy.PrivacyGuard} (text in, a {@link uk.stepup.privacy.PrivacyVerdict}
 * out: clear, warn, refuse or redirect); what is looked for is {@link uk.stepup.privacy.IdentifierScanner} (NHS
 * numbers via {@link uk.stepup.privacy.NhsNumbers}, dates of birth, postcodes, phone numbers, e-mail addresses) and
 * {@link uk.stepup.privacy.NameHeuristics} (names next to care words); safeguarding disclosures are redirected by
 * {@link uk.stepup.privacy.SignpostRules}. {@link uk.stepup.privacy.PrivacyReplies} words a verdict for a person,
 * never echoing the text. No Discord side and no storage: it keeps nothing.
 */
package uk.stepup.privacy;
