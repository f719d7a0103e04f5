package uk.stepup.portfolio;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;

/**
 * One item of the framework the portfolio is read under (a KLOE or a quality statement), with every check-in of the
 * home cited for it, in week order, and its gaps.
 */
public record PortfolioItem(
        String code, KeyQuestion keyQuestion, String title, List<Evidence> entries, List<Gap> gaps) {

    public PortfolioItem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(keyQuestion, "keyQuestion");
        Objects.requireNonNull(title, "title");
        entries = entries.stream()
                .sorted(Comparator.comparingInt(Evidence::week).thenComparing(Evidence::date))
                .toList();
        gaps = List.copyOf(gaps);
    }

    /** The latest check-in for the item. */
    public Optional<Evidence> latest() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
    }

    /**
     * What changed, in words: the self-ratings over the weeks (when the item came up more than once) and where the
     * latest stands against the home's CQC rating for the key question.
     */
    public String changed(Optional<Rating> baseline) {
        if (entries.isEmpty()) {
            return "Not rated yet.";
        }
        StringBuilder s = new StringBuilder();
        Evidence first = entries.get(0);
        Evidence last = entries.get(entries.size() - 1);
        if (entries.size() > 1) {
            int d = last.rating().compareTo(first.rating());
            s.append(
                    d == 0
                            ? "Rated " + last.rating().label() + " each time"
                            : "From " + first.rating().label()
                                    + " (week " + first.week() + ") to "
                                    + last.rating().label() + " (week " + last.week()
                                    + ")");
        } else {
            s.append("Rated ")
                    .append(last.rating().label())
                    .append(" (week ")
                    .append(last.week())
                    .append(')');
        }
        if (baseline.isEmpty()) {
            return s.append("; no CQC rating for ")
                    .append(keyQuestion.label())
                    .append(" to compare with.")
                    .toString();
        }
        int vs = last.rating().compareTo(baseline.get());
        s.append(vs > 0 ? "; above" : vs < 0 ? "; below" : "; level with")
                .append(" your CQC rating for ")
                .append(keyQuestion.label())
                .append(" (")
                .append(baseline.get().label())
                .append(").");
        return s.toString();
    }
}
