package uk.stepup.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;
import uk.stepup.summaries.HeatmapRow;
import uk.stepup.summaries.OutcomeReport;
import uk.stepup.summaries.WeekParticipation;

/** Alt text for the report's charts: what a sighted reader takes from each picture, in words. */
final class AltText {
    private AltText() {}

    static String participation(OutcomeReport r) {
        List<WeekParticipation> weeks = r.participation().weeks();
        if (weeks.isEmpty()) {
            return "Chart of check-ins per week: no week has closed yet.";
        }
        WeekParticipation most = weeks.get(0);
        WeekParticipation fewest = weeks.get(0);
        for (WeekParticipation w : weeks) {
            if (w.onTime() + w.late() > most.onTime() + most.late()) {
                most = w;
            }
            if (w.onTime() + w.late() < fewest.onTime() + fewest.late()) {
                fewest = w;
            }
        }
        OutcomeReport.Participation t = r.totals();
        return "Stacked bar chart of check-ins for each of " + weeks.size() + " weeks, split into on time, late and"
                + " missing. In all " + t.received() + " of " + t.expected() + " check-ins arrived (" + t.percent()
                + "%), " + t.onTime() + " on time and " + t.late() + " late. Most: week " + most.week() + " ("
                + (most.onTime() + most.late()) + " of " + most.homes() + "). Fewest: week " + fewest.week() + " ("
                + (fewest.onTime() + fewest.late()) + " of " + fewest.homes() + ").";
    }

    static String heatmap(OutcomeReport r) {
        List<String> codes = r.heatmap().columnCodes();
        if (codes.isEmpty() || r.heatmap().rows().isEmpty()) {
            return "Grid of self-ratings: nothing to show yet.";
        }
        Map<Rating, Integer> counts = new EnumMap<>(Rating.class);
        int blank = 0;
        for (HeatmapRow row : r.heatmap().rows()) {
            for (Optional<Rating> cell : row.cells()) {
                if (cell.isPresent()) {
                    counts.merge(cell.get(), 1, Integer::sum);
                } else {
                    blank++;
                }
            }
        }
        List<String> parts = new ArrayList<>();
        for (int i = Rating.values().length - 1; i >= 0; i--) {
            Rating rating = Rating.values()[i];
            parts.add(counts.getOrDefault(rating, 0) + " " + rating.label());
        }
        if (r.heatmap().showsShares()) {
            return "Stacked columns, one for each week's topic, " + codes.get(0) + " to " + codes.get(codes.size() - 1)
                    + ", each showing the share of the " + r.heatmap().rows().size() + " homes at each self-rating. In"
                    + " all: " + String.join(", ", parts) + ", and " + blank + " weeks without a check-in.";
        }
        return "Grid of self-ratings with one row for each of "
                + r.heatmap().rows().size() + " homes and one column"
                + " for each week's topic, " + codes.get(0) + " to " + codes.get(codes.size() - 1) + ", coloured by"
                + " self-rating. In all: " + String.join(", ", parts) + ", and " + blank + " weeks without a check-in.";
    }

    static String journey(OutcomeReport.HomeSection h) {
        List<String> parts = new ArrayList<>();
        for (OutcomeReport.KeyQuestionRow row : h.rows()) {
            parts.add(row.keyQuestion().label() + ": CQC baseline "
                    + row.baseline().map(Rating::label).orElse("not rated") + ", self-assessment "
                    + row.selfAssessment().map(Rating::label).orElse("not yet rated"));
        }
        return h.label() + "'s self-ratings week by week in " + KeyQuestion.values().length + " panels, one per key"
                + " question, each against its CQC baseline. " + String.join("; ", parts) + ".";
    }
}
