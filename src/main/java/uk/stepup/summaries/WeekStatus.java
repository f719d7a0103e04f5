package uk.stepup.summaries;

import java.util.Locale;

/** Where a home stands for one programme week. */
public enum WeekStatus {
    /** Checked in before the week's window closed. */
    ON_TIME,
    /** Checked in after the window closed. */
    LATE,
    /** No check-in, and the window has closed. */
    MISSING,
    /** No check-in yet, and the window is still open. */
    OPEN,
    /** The home was enrolled after the week's window closed, so it was never asked. */
    NOT_ENROLLED;

    /** The value written in exports: on_time, late, missing, open, not_enrolled. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A check-in was received. */
    public boolean received() {
        return this == ON_TIME || this == LATE;
    }
}
