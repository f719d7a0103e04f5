package uk.stepup.portfolio;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;

/**
 * The gap rules: what an item of the framework lacks before an inspection, from the home's check-ins for it.
 *
 * <ol>
 *   <li><b>No evidence cited</b>: no check-in for the item cites evidence (it has not come up yet, or the home
 *       checked in without evidence).
 *   <li><b>Evidence older than six months</b>: the newest evidence cited for the item was written before the day six
 *       calendar months before today (written exactly six months ago still counts as current).
 *   <li><b>Self-rating above what the evidence shows</b>: the item's latest self-rating has no current evidence (cited
 *       within the last six months) behind it, and it is either Outstanding or above the home's CQC rating for the
 *       item's key question.
 * </ol>
 *
 * {@link #RULES} says the same in words for the portfolio itself.
 */
public final class EvidenceGaps {
    /** Evidence is current for this many calendar months. */
    public static final int CURRENT_MONTHS = 6;

    /** The rules in the portfolio's words, one sentence each, in the order of {@link Gap.Kind}. */
    public static final List<String> RULES = List.of(
            "No evidence cited: none of your check-ins for the item cites evidence, either because the programme has"
                    + " not reached it yet or because the check-in left the evidence box empty.",
            "Evidence older than six months: the newest evidence you cited for the item was written more than six"
                    + " months before this portfolio was produced. Inspectors look for evidence that is current.",
            "Self-rating above what the evidence shows: your latest self-rating for the item is Outstanding, or"
                    + " higher than your CQC rating for its key question, and no evidence from the last six months"
                    + " backs it.");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private EvidenceGaps() {}

    /** The first day whose evidence still counts as current on {@code today}. */
    public static LocalDate currentFrom(LocalDate today) {
        return today.minusMonths(CURRENT_MONTHS);
    }

    /**
     * The item's gaps on {@code today}.
     *
     * @param keyQuestion the item's key question, for the words
     * @param entries     the home's check-ins for the item, any order
     * @param baseline    the home's CQC rating for the item's key question; empty when not rated
     */
    public static List<Gap> of(
            String code,
            String title,
            KeyQuestion keyQuestion,
            List<Evidence> entries,
            Optional<Rating> baseline,
            LocalDate today) {
        List<Gap> gaps = new ArrayList<>();
        Optional<Evidence> newestCited = entries.stream()
                .filter(Evidence::cited)
                .max(Comparator.comparing(Evidence::date).thenComparingInt(Evidence::week));
        if (newestCited.isEmpty()) {
            gaps.add(new Gap(
                    code,
                    title,
                    Gap.Kind.NO_EVIDENCE,
                    entries.isEmpty()
                            ? "No check-in has covered this yet, so no evidence is cited."
                            : "The " + weeks(entries) + " check-in" + (entries.size() == 1 ? "" : "s")
                                    + " cited no evidence."));
        } else if (newestCited.get().date().isBefore(currentFrom(today))) {
            Evidence e = newestCited.get();
            gaps.add(new Gap(
                    code,
                    title,
                    Gap.Kind.OLD_EVIDENCE,
                    "The newest evidence was cited on " + DAY.format(e.date()) + " (week " + e.week()
                            + "), more than six months ago."));
        }
        boolean current =
                newestCited.map(e -> !e.date().isBefore(currentFrom(today))).orElse(false);
        Optional<Evidence> latest =
                entries.stream().max(Comparator.comparing(Evidence::date).thenComparingInt(Evidence::week));
        if (!current && latest.isPresent()) {
            Rating r = latest.get().rating();
            String rated = "Self-rated " + r.label() + " (week " + latest.get().week() + ")";
            if (r == Rating.OUTSTANDING) {
                gaps.add(new Gap(
                        code, title, Gap.Kind.RATING_ABOVE_EVIDENCE, rated + " with no current evidence cited."));
            } else if (baseline.isPresent() && r.compareTo(baseline.get()) > 0) {
                gaps.add(new Gap(
                        code,
                        title,
                        Gap.Kind.RATING_ABOVE_EVIDENCE,
                        rated + ", above your CQC rating for " + keyQuestion.label() + " ("
                                + baseline.get().label() + "), with no current evidence cited."));
            }
        }
        return gaps;
    }

    private static String weeks(List<Evidence> entries) {
        List<Integer> weeks =
                entries.stream().map(Evidence::week).distinct().sorted().toList();
        return (weeks.size() == 1 ? "week " : "weeks ")
                + String.join(" and ", weeks.stream().map(String::valueOf).toList());
    }
}
