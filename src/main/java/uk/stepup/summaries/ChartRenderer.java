package uk.stepup.summaries;

/**
 * Port: turns chart values into PNG images for Discord messages and the outcome report. Implementations draw
 * every value they are given, or say in the image what they left out; empty values (no homes yet, no check-ins
 * yet) give a friendly image rather than an error. They never return null.
 */
public interface ChartRenderer {

    /** Homes by KLOEs so far, coloured by self-rating. */
    byte[] heatmapPng(Heatmap heatmap);

    /** Check-ins per week: on time, late and missing. */
    byte[] participationPng(ParticipationSeries series);

    /** One home's self-ratings per key question over the weeks, against its CQC baseline. */
    byte[] journeyPng(RatingJourney journey);
}
