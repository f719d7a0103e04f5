package uk.stepup.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.stepup.summaries.CohortStatusService;

/** The cohort's status, as the use case computed it, written as one Discord reply within the 2000 characters. */
class CohortStatusCommandTest {
    /** Monday 18 January 2027, 09:00 in London. */
    static final ZonedDateTime AT = Instant.parse("2027-01-18T09:00:00Z").atZone(ZoneId.of("Europe/London"));

    @Test
    void the_heading_counts_the_cohort_and_each_home_has_a_line_at_risk_first() {
        CohortStatusService.Report r = new CohortStatusService.Report(
                "Spring 2027",
                2,
                3,
                1,
                List.of(
                        new CohortStatusService.HomeStatus("Oak House", 0, 0, 2, 0, 1),
                        new CohortStatusService.HomeStatus("Cedar Court", 2, 0, 0, 2, 0),
                        new CohortStatusService.HomeStatus("Beech View", 1, 1, 0, 1, 0),
                        new CohortStatusService.HomeStatus("Ash Lodge", 3, 0, 0, 0, 1)));

        String text = CohortStatusCommand.text(r, AT);

        assertThat(text)
                .startsWith("**Spring 2027** status, Mon 18 Jan 09:00 (Europe/London)\n")
                .contains("2 check-in weeks closed · 3 tasks set · 1 session held")
                .contains("2 of 4 homes at risk");
        assertThat(text.indexOf("Oak House")).isLessThan(text.indexOf("Cedar Court"));
        assertThat(text.indexOf("Cedar Court")).isLessThan(text.indexOf("Beech View"));
        assertThat(text)
                .contains(
                        "⚠️ **Oak House** · check-ins: 0 on time, 0 late, 2 missed · overdue tasks: 0 · sessions: 1 of 1");
        assertThat(text)
                .contains(
                        "• **Ash Lodge** · check-ins: 3 on time, 0 late, 0 missed · overdue tasks: 0 · sessions: 1 of 1");
    }

    @Test
    void a_large_cohort_fits_one_reply_with_the_at_risk_homes_shown() {
        List<CohortStatusService.HomeStatus> homes = new ArrayList<>();
        for (long id = 10; id <= 60; id += 10) {
            homes.add(new CohortStatusService.HomeStatus(
                    "Care Home with a Rather Long Name Number " + id, 0, 0, 2, 0, 0));
        }
        for (long id = 1; id <= 60; id++) {
            if (id % 10 != 0) {
                homes.add(new CohortStatusService.HomeStatus(
                        "Care Home with a Rather Long Name Number " + id, 2, 0, 0, 0, 0));
            }
        }
        CohortStatusService.Report r = new CohortStatusService.Report("Big cohort", 2, 0, 0, homes);

        String text = CohortStatusCommand.text(r, AT);

        assertThat(text.length()).isLessThanOrEqualTo(CohortStatusCommand.TEXT_MAX);
        for (long id = 10; id <= 60; id += 10) {
            assertThat(text).contains("Number " + id + "**");
        }
        long shown = text.lines()
                .filter(l -> l.startsWith("• **") || l.startsWith("⚠️ **"))
                .count();
        assertThat(text).endsWith("…and " + (60 - shown) + " more homes.");
    }

    @Test
    void a_cohort_without_homes_says_how_to_enrol() {
        CohortStatusService.Report r = new CohortStatusService.Report("Empty", 0, 0, 0, List.of());
        assertThat(CohortStatusCommand.text(r, AT))
                .contains("0 check-in weeks closed")
                .contains("/cohort enrol");
    }
}
