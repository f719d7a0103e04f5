/**
 * Feature: a home's evidence portfolio for an inspection, and a draft of its Provider Information Return (PIR)
 * answers (programme spec, section 12).
 *
 * <p>{@link uk.stepup.portfolio.PortfolioService#build} reads one home's rows only (its check-ins, its measure
 * values, aims and PDSA cycles; the cohort's curriculum order and measure definitions) and returns a
 * {@link uk.stepup.portfolio.Portfolio}: for every item of the framework, not only the weeks run, the evidence cited
 * week by week ({@link uk.stepup.portfolio.Evidence}), what changed, and its gaps; per key question the self-rating
 * journey against the CQC baseline; the actions; the measures with their SPC verdicts, aims and cycles; and the
 * {@link uk.stepup.portfolio.PirDraft}, made only from the home's own words, each quote with its week.
 *
 * <p>The gap rules are plain Java in {@link uk.stepup.portfolio.EvidenceGaps} (no evidence cited; newest evidence
 * older than six months, exactly six months still current; a self-rating of Outstanding, or above the home's CQC
 * rating for the key question, without current evidence), with their words for the portfolio itself.
 *
 * <p>Seams for what other parts add: {@link uk.stepup.portfolio.PortfolioActions}, where the actions come from
 * ({@link uk.stepup.portfolio.FollowedActions}: the next steps followed through, with how each went; or
 * {@code PortfolioActions.NEXT_STEPS}, the check-ins' next steps alone), and
 * {@link uk.stepup.portfolio.ItemMapping}, a plain function from an item of the cohort's framework to the items of the
 * framework the portfolio is read under (by default the links the saf-2023 prompt files carry to the KLOEs; the
 * crosswalk file plugs in here). The layout is a port, {@link uk.stepup.portfolio.PortfolioRenderer}, implemented
 * in the report adapter, so this package stays plain Java. {@link uk.stepup.portfolio.PortfolioService#forPerson}
 * is the access rule: a home's managers get their own home's portfolio; coaches any home of the cohorts on their
 * server.
 */
package uk.stepup.portfolio;
