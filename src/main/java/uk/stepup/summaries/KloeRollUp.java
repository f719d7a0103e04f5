package uk.stepup.summaries;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;

/**
 * Turns a home's per-KLOE self-ratings (2017 framework codes S1–S6, E1–E7, C1–C3, R1–R3, W1–W5) into one self-rating
 * per key question.
 * <p>
 * <b>Rule: the lower median of the KLOEs rated so far, but never better than Requires improvement if any of them is
 * Inadequate.</b> Why:
 * <ul>
 *   <li>The median follows most of the evidence, as inspectors do ("does the evidence show Good? does it exceed
 *       it?"), and one strong or weak KLOE cannot swing the answer. Rounding down keeps a self-assessment modest:
 *       Outstanding needs more than half of the rated KLOEs Outstanding, Good more than half Good or better.</li>
 *   <li>CQC says a single Inadequate characteristic with significant impact can make a key question Inadequate, so
 *       an Inadequate KLOE stops the key question looking Good; it caps rather than forces Inadequate because the
 *       impact is the inspector's call.</li>
 *   <li>A key question with some KLOEs still unrated is rated from those it has (the programme works through the
 *       KLOEs one a week); one with none rated has no rating.</li>
 * </ul>
 * One rating per KLOE goes in: if a KLOE was rated more than once (a revisited week, an edited check-in), pass the
 * latest. Codes are read case-insensitively; an unknown code is a programming error.
 */
public final class KloeRollUp {

    private static final Pattern CODE = Pattern.compile("([SECRW])([1-9])");
    private static final Map<KeyQuestion, Integer> KLOE_COUNTS = new EnumMap<>(Map.of(
            KeyQuestion.SAFE,
            6,
            KeyQuestion.EFFECTIVE,
            7,
            KeyQuestion.CARING,
            3,
            KeyQuestion.RESPONSIVE,
            3,
            KeyQuestion.WELL_LED,
            5));

    /** Codes already checked: a report rolls up 24 KLOEs five times over for every home. */
    private static final Map<String, KeyQuestion> KNOWN = new ConcurrentHashMap<>();

    private KloeRollUp() {}

    /** How many KLOEs the 2017 adult social care framework has under a key question: 6, 7, 3, 3 and 5. */
    public static int kloeCount(KeyQuestion keyQuestion) {
        return KLOE_COUNTS.get(keyQuestion);
    }

    /** The key question a KLOE code belongs to: "S1" → Safe, "w5" → Well-led. */
    public static KeyQuestion keyQuestionOf(String code) {
        if (code == null) {
            throw new IllegalArgumentException("KLOE code is missing");
        }
        KeyQuestion known = KNOWN.get(code);
        if (known != null) {
            return known;
        }
        Matcher m = CODE.matcher(code.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + code + "' is not a KLOE code such as S1 or W5");
        }
        KeyQuestion kq = KeyQuestion.parse(m.group(1)).orElseThrow();
        int number = Integer.parseInt(m.group(2));
        if (number > kloeCount(kq)) {
            throw new IllegalArgumentException("'" + code + "' is not a KLOE: " + kq.label() + " has " + kloeCount(kq)
                    + " (" + kq.letter() + "1 to " + kq.letter() + kloeCount(kq) + ")");
        }
        if (m.group().equals(code)) {
            // Only the codes as written (S1 to W5), so the map holds at most 24 entries whatever callers pass.
            KNOWN.put(code, kq);
        }
        return kq;
    }

    /** The self-ratings of one key question's KLOEs, in no particular order; null ratings (not rated) are skipped. */
    static List<Rating> ratingsFor(KeyQuestion keyQuestion, Map<String, Rating> kloeRatings) {
        List<Rating> ratings = new ArrayList<>();
        kloeRatings.forEach((code, rating) -> {
            if (keyQuestionOf(code) == keyQuestion && rating != null) {
                ratings.add(rating);
            }
        });
        return ratings;
    }

    /** The key question's rating by the rule above, or empty when none of its KLOEs is rated. */
    public static Optional<Rating> keyQuestionRating(KeyQuestion keyQuestion, Map<String, Rating> kloeRatings) {
        return rollUp(ratingsFor(keyQuestion, kloeRatings));
    }

    /**
     * The rule itself, for any list of one key question's item ratings (KLOEs or quality statements): the lower
     * median, never better than Requires improvement when any item is Inadequate; empty when nothing is rated.
     */
    public static Optional<Rating> rollUp(List<Rating> itemRatings) {
        List<Rating> ratings = new ArrayList<>(itemRatings);
        if (ratings.isEmpty()) {
            return Optional.empty();
        }
        Collections.sort(ratings);
        Rating median = ratings.get((ratings.size() - 1) / 2);
        if (ratings.get(0) == Rating.INADEQUATE && median.compareTo(Rating.REQUIRES_IMPROVEMENT) > 0) {
            median = Rating.REQUIRES_IMPROVEMENT;
        }
        return Optional.of(median);
    }

    /** Every key question with at least one rated KLOE, in CQC's order. Validates every code. */
    public static Map<KeyQuestion, Rating> keyQuestionRatings(Map<String, Rating> kloeRatings) {
        kloeRatings.keySet().forEach(KloeRollUp::keyQuestionOf);
        Map<KeyQuestion, Rating> out = new EnumMap<>(KeyQuestion.class);
        for (KeyQuestion kq : KeyQuestion.values()) {
            keyQuestionRating(kq, kloeRatings).ifPresent(r -> out.put(kq, r));
        }
        return out;
    }

    /** Share of a key question's rated KLOEs self-rated Outstanding, 0 to 1; 0 when none is rated. */
    static double outstandingShare(KeyQuestion keyQuestion, Map<String, Rating> kloeRatings) {
        List<Rating> ratings = ratingsFor(keyQuestion, kloeRatings);
        if (ratings.isEmpty()) {
            return 0;
        }
        return ratings.stream().filter(r -> r == Rating.OUTSTANDING).count() / (double) ratings.size();
    }
}
