package uk.stepup.cohorts;

import java.time.ZoneId;

/** What a new cohort gets unless the coach says otherwise (from configuration). */
public record CohortDefaults(String framework, ZoneId zone, WeeklyRhythm rhythm) {}
