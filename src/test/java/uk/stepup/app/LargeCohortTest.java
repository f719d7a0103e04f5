package uk.stepup.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.charts.PngCharts;
import uk.stepup.checkins.CheckinAnswers;
import uk.stepup.checkins.HighlightShare;
import uk.stepup.cohorts.Baseline;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.WeeklyRhythm;
import uk.stepup.report.HtmlReport;
import uk.stepup.shared.Rating;
import uk.stepup.shared.WeeklyTime;
import uk.stepup.storage.Database;
import uk.stepup.storage.JdbcCheckinRepository;
import uk.stepup.storage.JdbcCohortRepository;
import uk.stepup.storage.JdbcHomeRepository;
import uk.stepup.summaries.Heatmap;
import uk.stepup.summaries.HighlightPick;
import uk.stepup.summaries.OutcomeReport;
import uk.stepup.summaries.OutcomeReportBuilder;
import uk.stepup.summaries.WeeklySummary;
import uk.stepup.summaries.WeeklySummaryBuilder;

/**
 * A cohort too large for a row, a page or a quote per home: the weekly summary and the outcome report stay readable
 * and bounded (ten highlights a week, the heatmap as shares, a line per home, then the homes as a whole).
 */
class LargeCohortTest {
    static final Instant ENROLLED = Instant.parse("2026-12-30T10:00:00Z");
    /** Monday after week 3, 12:00: three weeks have run and closed. */
    static final Instant AFTER_WEEK_3 = Instant.parse("2027-01-25T12:00:00Z");

    @TempDir
    Path dir;

    Database db;
    JdbcCohortRepository cohorts;
    JdbcHomeRepository homes;
    JdbcCheckinRepository checkins;
    Cohort cohort;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    /** {@code count} homes; every one checks in for weeks 1 to 3 with a highlight, one in four shared by name. */
    private List<Home> cohortOf(int count) {
        return cohortOf(count, 3);
    }

    private List<Home> cohortOf(int count, int weeks) {
        db = Database.open(dir.resolve("large.db"));
        cohorts = new JdbcCohortRepository(db);
        homes = new JdbcHomeRepository(db);
        checkins = new JdbcCheckinRepository(db);
        WeeklyRhythm rhythm = new WeeklyRhythm(
                WeeklyTime.parse("MONDAY 09:00").orElseThrow(),
                WeeklyTime.parse("THURSDAY 12:00").orElseThrow(),
                WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                WeeklyTime.parse("MONDAY 08:00").orElseThrow());
        cohort = cohorts.create(new CohortRepository.NewCohort(
                "1",
                "National",
                "kloe-2017",
                ZoneId.of("Europe/London"),
                LocalDate.of(2027, 1, 4),
                rhythm,
                List.of("S1", "S2", "E1"),
                "coach",
                ENROLLED));
        List<HomeRepository.NewHome> wanted = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            wanted.add(new HomeRepository.NewHome(
                    "Care Home " + i, "care-home-" + i, Optional.empty(), Baseline.notRated(), List.of("u" + i)));
        }
        List<Home> enrolled = homes.enrolAll(cohort.id(), wanted, ENROLLED);
        List<String> codes = List.of("S1", "S2", "E1");
        for (int week = 1; week <= weeks; week++) {
            Instant at = Instant.parse("2027-01-05T10:00:00Z").plusSeconds(7L * 86_400 * (week - 1));
            for (int i = 0; i < enrolled.size(); i++) {
                Home h = enrolled.get(i);
                var saved = checkins.save(
                        h.id(),
                        week,
                        codes.get(week - 1),
                        new CheckinAnswers(
                                Rating.values()[i % 4],
                                "Did things.",
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of("Week " + week + " idea from " + h.name() + ".")),
                        h.managerIds().get(0),
                        at,
                        false);
                if (i % 4 == 0) {
                    checkins.setShare(saved.checkin().id(), HighlightShare.NAMED);
                }
            }
        }
        return enrolled;
    }

    private WeeklySummaryBuilder summaries() {
        return new WeeklySummaryBuilder(cohorts, homes, checkins, ProgrammeFixture.CURRICULA);
    }

    private OutcomeReport report() {
        return OutcomeReportBuilder.build(
                Reports.histories(db, ProgrammeFixture.CURRICULA, Clock.fixed(AFTER_WEEK_3, ZoneOffset.UTC))
                        .load(cohort));
    }

    @Test
    void the_weekly_summary_shows_ten_shared_highlights_and_says_how_many_more_there_are() {
        cohortOf(70);
        WeeklySummary week2 = summaries().build(cohort, 2);
        assertThat(week2.highlights()).hasSize(HighlightPick.SHOWN);
        assertThat(week2.moreHighlights()).isEqualTo(70 - HighlightPick.SHOWN);
        assertThat(summaries().build(cohort, 2).highlights())
                .as("the same ten every time")
                .isEqualTo(week2.highlights());
        // Named only where the home chose it: Care Home 1, 5, 9 and so on.
        assertThat(week2.highlights()).allSatisfy(h -> {
            Matcher m =
                    Pattern.compile("Week 2 idea from (Care Home (\\d+))\\.").matcher(h.text());
            assertThat(m.matches()).isTrue();
            boolean named = (Integer.parseInt(m.group(2)) - 1) % 4 == 0;
            assertThat(h.homeName()).isEqualTo(named ? Optional.of(m.group(1)) : Optional.empty());
        });
    }

    @Test
    void with_more_homes_than_rows_the_heatmap_says_it_shows_shares() {
        cohortOf(Heatmap.ROWS_DRAWN_MAX + 1);
        Heatmap heatmap = summaries().build(cohort, 3).heatmap();
        assertThat(heatmap.showsShares()).isTrue();
        assertThat(heatmap.subtitle()).isEqualTo("Weeks 1 to 3, the share of 61 homes at each self-rating");
        assertThat(heatmap.rows()).hasSize(Heatmap.ROWS_DRAWN_MAX + 1);
    }

    @Test
    void a_report_on_more_homes_than_pages_gives_each_home_a_line_and_no_chart() {
        cohortOf(Heatmap.ROWS_DRAWN_MAX + 1);
        OutcomeReport report = report();
        HtmlReport.Rendered rendered = new HtmlReport(new PngCharts()).render(report);
        String html = rendered.html();
        assertThat(rendered.charts()).containsOnlyKeys("participation.png", "heatmap.png");
        assertThat(html).contains("<h2 id=\"homes-h\">Each home</h2>").doesNotContain("<article class=\"home\"");
        assertThat(Pattern.compile("<tr><th scope=\"row\">(Care Home \\d+|Home [A-Z]+)</th>")
                        .matcher(html)
                        .results()
                        .count())
                .isEqualTo(Heatmap.ROWS_DRAWN_MAX + 1);
        assertThat(html).contains("each column shows the share of homes at each self-rating");
        // Ten highlights a week at most, and the rest counted.
        assertThat(report.learning()).hasSize(3 * HighlightPick.SHOWN);
        assertThat(report.learningNotShown()).containsOnlyKeys(1, 2, 3).containsValue(61 - HighlightPick.SHOWN);
        assertThat(report.learningShared()).isEqualTo(3 * 61);
        assertThat(html)
                .contains("183 highlights that homes chose to share")
                .contains("51 more homes shared a highlight that week.");
    }

    @Test
    void a_report_on_more_than_a_thousand_homes_describes_them_as_a_whole() {
        cohortOf(1_001, 1);
        String html = new HtmlReport(new PngCharts()).render(report()).html();
        assertThat(html)
                .contains("<h2 id=\"homes-h\">The homes</h2>")
                .contains("With 1,001 homes this report describes")
                .contains(
                        "<tr><th scope=\"row\">Fewer than half</th><td class=\"num\">1,001</td><td class=\"num\">100%</td></tr>")
                .doesNotContain("<th scope=\"row\">Care Home 1</th>")
                .doesNotContain("<article class=\"home\"");
        assertThat(html).contains("1,001 care homes");
    }
}
