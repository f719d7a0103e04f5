package uk.stepup.cohorts;

import uk.stepup.shared.WeeklyTime;

/** When, in the cohort's zone, each week's prompt, reminder, close and summary happen. */
public record WeeklyRhythm(WeeklyTime prompt, WeeklyTime reminder, WeeklyTime close, WeeklyTime summary) {}
