package uk.stepup.summaries;

import java.util.Objects;

/**
 * How many homes checked in for one programme week.
 *
 * @param week    the programme week, from 1
 * @param code    that week's KLOE code, e.g. "S3"
 * @param onTime  check-ins received before the window closed
 * @param late    check-ins received after it closed but before the summary
 * @param missing homes with no check-in at all
 */
public record WeekParticipation(int week, String code, int onTime, int late, int missing) {

    public WeekParticipation {
        Objects.requireNonNull(code, "code");
        if (week < 1) {
            throw new IllegalArgumentException("Programme weeks start at 1, not " + week);
        }
        if (onTime < 0 || late < 0 || missing < 0) {
            throw new IllegalArgumentException(
                    "Negative count in week " + week + ": " + onTime + "/" + late + "/" + missing);
        }
    }

    /** Every home counted in the week: on time, late or missing. */
    public int homes() {
        return onTime + late + missing;
    }
}
