package uk.stepup.checkins;

/** How a home wants its highlight shared with the cohort. Anonymous is the default. */
public enum HighlightShare {
    ANONYMOUS,
    NAMED,
    NONE
}
