package uk.stepup.summaries;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;

/**
 * Projects an indicative overall rating from a home's key-question self-ratings, using CQC's published principles
 * for aggregating an adult social care location's rating (2017 framework), applied in this order:
 * <ol>
 *   <li>a breach of regulations caps the overall rating at Requires improvement;</li>
 *   <li>two or more key questions Inadequate: Inadequate;</li>
 *   <li>two or more Requires improvement: Requires improvement. One Inadequate also gives Requires improvement: the
 *       principles do not say so in words, but it cannot be Good (Good needs none Inadequate) nor Inadequate (that
 *       needs two), which leaves Requires improvement;</li>
 *   <li>at least two Outstanding and the rest Good: Outstanding. CQC writes "two Outstanding and three Good"; three or
 *       more Outstanding with the rest Good is read as meeting it too;</li>
 *   <li>otherwise (none Inadequate, at most one Requires improvement): Good.</li>
 * </ol>
 * All five key questions weigh the same. CQC says each rule is what "normally" happens; inspectors can depart from
 * it, and rating limiters can cap a key question, so the result is indicative only.
 * <p>
 * <b>Missing key questions.</b> A rating is projected only when it cannot depend on the missing ones: every way of
 * filling them in must give the same answer: all five rated, or for example two already Inadequate (Inadequate
 * whatever the rest say), or two Requires improvement and one still to rate. Otherwise the projection is "not
 * enough ratings yet", with the best the home could still reach.
 */
public final class RatingProjection {

    /** Show this with every projection. */
    public static final String SELF_ASSESSMENT_LABEL = "Self-assessment, not a CQC judgement: an indicative overall"
            + " rating worked out from your own key-question ratings using CQC's published aggregation principles.";

    /** The honest small print. */
    public static final String CAVEAT = "CQC's principles describe what normally happens: inspectors use professional"
            + " judgement, and a breach of regulations or another rating limiter can hold a rating down.";

    public static final String NOT_ENOUGH_RATINGS = "Not enough ratings yet";

    private RatingProjection() {}

    /** Projects from key-question self-ratings; null values count as not rated. */
    public static Projection project(Map<KeyQuestion, Rating> selfRatings) {
        return project(selfRatings, Map.of(), false);
    }

    /** As {@link #project(Map)}, with a known breach of regulations capping the result at Requires improvement. */
    public static Projection project(Map<KeyQuestion, Rating> selfRatings, boolean breachOfRegulations) {
        return project(selfRatings, Map.of(), breachOfRegulations);
    }

    /**
     * As {@link #project(Map, boolean)}; the per-KLOE self-ratings (codes such as "E3") are used only to say which
     * Good key questions are closest to Outstanding (the largest share of KLOEs self-rated Outstanding).
     */
    public static Projection project(
            Map<KeyQuestion, Rating> selfRatings, Map<String, Rating> kloeRatings, boolean breachOfRegulations) {
        Map<KeyQuestion, Rating> known = new EnumMap<>(KeyQuestion.class);
        selfRatings.forEach((kq, r) -> {
            if (kq != null && r != null) {
                known.put(kq, r);
            }
        });
        List<KeyQuestion> missing = new ArrayList<>();
        for (KeyQuestion kq : KeyQuestion.values()) {
            if (!known.containsKey(kq)) {
                missing.add(kq);
            }
        }

        Rating best = bestCompletion(known, missing, breachOfRegulations, true);
        Rating worst = bestCompletion(known, missing, breachOfRegulations, false);
        if (best != worst) {
            String explanation = NOT_ENOUGH_RATINGS + ": " + known.size() + " of 5 key questions self-rated, "
                    + labels(missing, "and") + " still to go.";
            if (best != Rating.OUTSTANDING) {
                explanation += " So far the best it could be is " + best.label() + ".";
            }
            return new Projection(
                    Optional.empty(),
                    explanation,
                    "Self-rate " + labels(missing, "and") + " to see an indicative overall rating.",
                    missing);
        }
        Rating rating = best;
        String toMoveUp = toMoveUp(rating, known, kloeRatings, breachOfRegulations);
        if (!missing.isEmpty()) {
            // Settled although incomplete (e.g. two already Inadequate): still ask for the rest.
            toMoveUp += " Also self-rate " + labels(missing, "and") + ".";
        }
        return new Projection(Optional.of(rating), explain(rating, known, breachOfRegulations), toMoveUp, missing);
    }

    /**
     * The overall rating for a set of key-question ratings by the rules above. With fewer than five, it is the
     * rating those alone would give; {@link #project} is what handles missing ones.
     */
    static Rating aggregate(Map<KeyQuestion, Rating> ratings, boolean breachOfRegulations) {
        long inadequate = count(ratings, Rating.INADEQUATE);
        long ri = count(ratings, Rating.REQUIRES_IMPROVEMENT);
        long outstanding = count(ratings, Rating.OUTSTANDING);
        Rating base;
        if (inadequate >= 2) {
            base = Rating.INADEQUATE;
        } else if (inadequate == 1 || ri >= 2) {
            base = Rating.REQUIRES_IMPROVEMENT;
        } else if (outstanding >= 2 && ri == 0) {
            base = Rating.OUTSTANDING;
        } else {
            base = Rating.GOOD;
        }
        if (breachOfRegulations && base.compareTo(Rating.REQUIRES_IMPROVEMENT) > 0) {
            return Rating.REQUIRES_IMPROVEMENT;
        }
        return base;
    }

    /** The best (or worst) overall rating over every way of rating the missing key questions. */
    private static Rating bestCompletion(
            Map<KeyQuestion, Rating> known, List<KeyQuestion> missing, boolean breach, boolean best) {
        // Aggregation only gets better as any one rating improves, so the extremes are all-Outstanding and
        // all-Inadequate fillings.
        Map<KeyQuestion, Rating> filled = new EnumMap<>(KeyQuestion.class);
        filled.putAll(known);
        for (KeyQuestion kq : missing) {
            filled.put(kq, best ? Rating.OUTSTANDING : Rating.INADEQUATE);
        }
        return aggregate(filled, breach);
    }

    private static String explain(Rating rating, Map<KeyQuestion, Rating> known, boolean breach) {
        List<KeyQuestion> inadequate = with(known, Rating.INADEQUATE);
        List<KeyQuestion> ri = with(known, Rating.REQUIRES_IMPROVEMENT);
        List<KeyQuestion> outstanding = with(known, Rating.OUTSTANDING);
        switch (rating) {
            case INADEQUATE:
                return inadequate.size() + " key questions are self-rated Inadequate (" + labels(inadequate, "and")
                        + "); two or more normally means Inadequate overall.";
            case REQUIRES_IMPROVEMENT:
                if (inadequate.size() == 1) {
                    return inadequate.get(0).label() + " is self-rated Inadequate; with any key question Inadequate"
                            + " the overall rating is normally no better than Requires improvement.";
                }
                if (ri.size() >= 2) {
                    return ri.size() + " key questions are self-rated Requires improvement (" + labels(ri, "and")
                            + "); two or more normally means Requires improvement overall.";
                }
                return "You've noted a breach of regulations, which normally caps the overall rating at Requires"
                        + " improvement.";
            case GOOD:
                if (ri.size() == 1) {
                    return "No key question is Inadequate and only " + ri.get(0).label() + " is Requires improvement;"
                            + " that normally gives Good overall.";
                }
                return "Every key question is Good or better, with "
                        + (outstanding.isEmpty()
                                ? "none"
                                : "only " + outstanding.get(0).label())
                        + " Outstanding; that normally gives Good overall.";
            case OUTSTANDING:
            default:
                return outstanding.size() + " key questions are self-rated Outstanding (" + labels(outstanding, "and")
                        + ") and the rest Good; that normally gives Outstanding overall.";
        }
    }

    private static String toMoveUp(
            Rating rating, Map<KeyQuestion, Rating> known, Map<String, Rating> kloeRatings, boolean breach) {
        List<KeyQuestion> inadequate = with(known, Rating.INADEQUATE);
        List<KeyQuestion> ri = with(known, Rating.REQUIRES_IMPROVEMENT);
        List<KeyQuestion> good = with(known, Rating.GOOD);
        int outstanding = with(known, Rating.OUTSTANDING).size();
        switch (rating) {
            case INADEQUATE:
                return "Lift " + choose(inadequate.size() - 1, inadequate)
                        + " from Inadequate to at least Requires improvement.";
            case REQUIRES_IMPROVEMENT: {
                List<String> steps = new ArrayList<>();
                if (breach) {
                    steps.add("Put right the breach of regulations: while it stands, the overall rating normally"
                            + " can't be better than Requires improvement.");
                }
                if (inadequate.size() == 1) {
                    String x = inadequate.get(0).label();
                    if (ri.isEmpty()) {
                        steps.add("Lift " + x + " from Inadequate to at least Requires improvement.");
                    } else if (ri.size() == 1) {
                        steps.add("Lift " + x + " from Inadequate to Good, or lift " + x + " to Requires improvement"
                                + " and " + ri.get(0).label() + " to Good.");
                    } else {
                        steps.add("Lift " + x + " from Inadequate to Good, and " + choose(ri.size() - 1, ri)
                                + " from Requires improvement to Good.");
                    }
                } else if (ri.size() >= 2) {
                    steps.add("Lift " + choose(ri.size() - 1, ri) + " from Requires improvement to Good.");
                }
                return String.join(" ", steps);
            }
            case GOOD: {
                List<String> parts = new ArrayList<>();
                if (ri.size() == 1) {
                    parts.add("lift " + ri.get(0).label() + " from Requires improvement to Good");
                }
                int needed = Math.max(0, 2 - outstanding);
                if (needed > 0) {
                    parts.add("lift " + (needed == 1 ? "one more key question" : "two key questions")
                            + " to Outstanding (" + closest(good, needed, kloeRatings) + ")");
                }
                String sentence = String.join(", and ", parts) + ".";
                return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
            }
            case OUTSTANDING:
            default:
                return "Outstanding is the top level: keep your evidence current so that it holds.";
        }
    }

    /**
     * Which Good key questions look closest to Outstanding: those with the largest share of their KLOEs self-rated
     * Outstanding (ties named together). Without KLOE ratings to go on, any of them.
     */
    private static String closest(List<KeyQuestion> good, int needed, Map<String, Rating> kloeRatings) {
        if (good.size() <= needed) {
            return labels(good, "and");
        }
        List<KeyQuestion> ranked = good.stream()
                .filter(kq -> KloeRollUp.outstandingShare(kq, kloeRatings) > 0)
                .sorted(Comparator.comparingDouble((KeyQuestion kq) -> -KloeRollUp.outstandingShare(kq, kloeRatings))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        if (ranked.isEmpty()) {
            return "any of " + labels(good, "or");
        }
        double cut = KloeRollUp.outstandingShare(ranked.get(Math.min(needed, ranked.size()) - 1), kloeRatings);
        List<KeyQuestion> top = ranked.stream()
                .filter(kq -> KloeRollUp.outstandingShare(kq, kloeRatings) >= cut)
                .sorted()
                .toList();
        if (top.size() == 1) {
            return top.get(0).label() + " is closest";
        }
        return labels(top, needed == 1 ? "or" : "and") + " are closest";
    }

    /** "Safe", "Safe or Caring", "two of Safe, Effective and Caring". */
    private static String choose(int k, List<KeyQuestion> from) {
        if (k >= from.size()) {
            return labels(from, "and");
        }
        if (k == 1) {
            return labels(from, "or");
        }
        String[] words = {"", "one", "two", "three", "four"};
        return words[k] + " of " + labels(from, "and");
    }

    private static String labels(List<KeyQuestion> kqs, String conjunction) {
        List<String> names = kqs.stream().map(KeyQuestion::label).toList();
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " " + conjunction + " "
                + names.get(names.size() - 1);
    }

    private static List<KeyQuestion> with(Map<KeyQuestion, Rating> ratings, Rating rating) {
        List<KeyQuestion> out = new ArrayList<>();
        ratings.forEach((kq, r) -> {
            if (r == rating) {
                out.add(kq);
            }
        });
        return out;
    }

    private static long count(Map<KeyQuestion, Rating> ratings, Rating rating) {
        return ratings.values().stream().filter(r -> r == rating).count();
    }
}
