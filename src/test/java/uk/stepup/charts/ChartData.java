package uk.stepup.charts;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;
import uk.stepup.summaries.Heatmap;
import uk.stepup.summaries.HeatmapRow;
import uk.stepup.summaries.ParticipationSeries;
import uk.stepup.summaries.RatingJourney;
import uk.stepup.summaries.WeekParticipation;

/** Believable chart values for the tests and the sample images, from a fixed seed. */
final class ChartData {
    static final List<String> KLOES = List.of(
            "S1", "S2", "S3", "S4", "S5", "S6", "E1", "E2", "E3", "E4", "E5", "E6", "E7", "C1", "C2", "C3", "R1", "R2",
            "R3", "W1", "W2", "W3", "W4", "W5");

    static final List<String> NAMES = List.of(
            "Rosewood Lodge",
            "The Willows Care Home",
            "Tŷ Gwyn",
            "Maison Zoë",
            "Beech House",
            "St Anne's Nursing Home",
            "Oakfield Residential Care Home for Older People with Dementia",
            "Meadowbank",
            "Ashgrove Court",
            "Harbour View",
            "Lavender Fields",
            "Holly Tree House");

    private ChartData() {}

    static List<String> kloes(int weeks) {
        return KLOES.subList(0, weeks);
    }

    /** Mostly Good and Requires improvement, drifting a little upwards; about one check-in in eight is missing. */
    static List<Optional<Rating>> ratings(Random random, int weeks) {
        List<Optional<Rating>> cells = new ArrayList<>(weeks);
        int start = random.nextInt(20);
        int level = start < 2 ? 0 : start < 9 ? 1 : start < 19 ? 2 : 3;
        for (int w = 0; w < weeks; w++) {
            if (random.nextInt(8) == 0) {
                cells.add(Optional.empty());
                continue;
            }
            int step = random.nextInt(40);
            level = Math.max(0, Math.min(3, level + (step < 4 ? -1 : step >= 35 ? 1 : 0)));
            cells.add(Optional.of(Rating.values()[level]));
        }
        return cells;
    }

    static Heatmap cohort(int homes, int weeks, long seed, boolean anonymous) {
        Random random = new Random(seed);
        List<HeatmapRow> rows = new ArrayList<>(homes);
        for (int h = 0; h < homes; h++) {
            String label =
                    anonymous ? "Home " + anonymousLabel(h) : h < NAMES.size() ? NAMES.get(h) : "Care home " + (h + 1);
            rows.add(new HeatmapRow(label, ratings(random, weeks), anonymous && h == 2));
        }
        return new Heatmap(
                "Spring cohort · self-ratings after week " + weeks,
                String.format("%,d homes · each square is a home's self-rating for one KLOE", homes),
                kloes(weeks),
                rows);
    }

    /** A, B, … Z, AA, AB, … */
    static String anonymousLabel(int index) {
        StringBuilder s = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            s.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return s.toString();
    }

    static ParticipationSeries participation(int homes, int weeks, long seed) {
        Random random = new Random(seed);
        List<WeekParticipation> list = new ArrayList<>();
        for (int w = 1; w <= weeks; w++) {
            int onTime = homes - random.nextInt(Math.max(1, homes / 3 + 1));
            int late = random.nextInt(homes - onTime + 1);
            list.add(new WeekParticipation(w, KLOES.get((w - 1) % KLOES.size()), onTime, late, homes - onTime - late));
        }
        return new ParticipationSeries(
                "Spring cohort · check-ins per week", homes + " homes · on time means before Sunday 20:00", list);
    }

    static RatingJourney journey(int weeks, long seed) {
        Map<KeyQuestion, Rating> baseline = new EnumMap<>(KeyQuestion.class);
        baseline.put(KeyQuestion.SAFE, Rating.REQUIRES_IMPROVEMENT);
        baseline.put(KeyQuestion.EFFECTIVE, Rating.GOOD);
        baseline.put(KeyQuestion.CARING, Rating.GOOD);
        baseline.put(KeyQuestion.RESPONSIVE, Rating.GOOD);
        // Well-led deliberately not rated: the panel must say so.
        return RatingJourney.of(
                "Rosewood Lodge · self-assessment journey",
                "Weekly self-ratings against the CQC baseline · a self-assessment, not a CQC judgement",
                KLOES,
                ratings(new Random(seed), weeks),
                baseline);
    }
}
