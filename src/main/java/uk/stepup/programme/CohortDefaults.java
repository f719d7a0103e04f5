package uk.stepup.programme;

import java.time.ZoneId;
import uk.stepup.cohorts.WeeklyRhythm;

/** What a new cohort gets unless the coach says otherwise (from configuration). */
public record CohortDefaults(String framework, ZoneId zone, WeeklyRhythm rhythm) {}
