package uk.stepup.summaries;

import java.util.List;
import java.util.Objects;

/**
 * Check-ins per week for a cohort, drawn as one stacked bar per week (on time, late, missing).
 *
 * @param title    the heading drawn in the image
 * @param subtitle a second, quieter line (may be empty)
 * @param weeks    the weeks so far, in programme order
 */
public record ParticipationSeries(String title, String subtitle, List<WeekParticipation> weeks) {

    public ParticipationSeries {
        Objects.requireNonNull(title, "title");
        subtitle = subtitle == null ? "" : subtitle;
        weeks = List.copyOf(weeks);
    }

    public ParticipationSeries(String title, List<WeekParticipation> weeks) {
        this(title, "", weeks);
    }
}
