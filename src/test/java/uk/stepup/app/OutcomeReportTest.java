package uk.stepup.app;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.stepup.app.ProgrammeFixture.AFTER;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.charts.PngCharts;
import uk.stepup.checkins.Checkin;
import uk.stepup.cohorts.Home;
import uk.stepup.report.HtmlReport;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;
import uk.stepup.summaries.HeatmapRow;
import uk.stepup.summaries.OutcomeReport;
import uk.stepup.summaries.OutcomeReportBuilder;
import uk.stepup.summaries.RatingProjection;
import uk.stepup.summaries.WeeklySummary;
import uk.stepup.summaries.WeeklySummaryBuilder;

/** The outcome report checked against the database: its numbers, its names and what it leaves out. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutcomeReportTest {
    @TempDir
    static Path dir;

    ProgrammeFixture f;
    OutcomeReport report;
    String html;

    @BeforeAll
    void open() {
        f = new ProgrammeFixture(dir.resolve("stepup.db"));
        report = OutcomeReportBuilder.build(f.histories(AFTER).load(f.cohort));
        html = new HtmlReport(new PngCharts()).render(report).html();
    }

    @AfterAll
    void close() {
        f.close();
    }

    private List<Home> homes() {
        return f.homes.inCohort(f.cohort.id());
    }

    @Test
    void participation_counts_every_stored_check_in_against_the_homes_enrolled_each_week() {
        int received = 0;
        int late = 0;
        for (Home h : homes()) {
            for (Checkin c : f.checkins.forHome(h.id())) {
                received++;
                late += c.late() ? 1 : 0;
            }
        }
        OutcomeReport.Participation t = report.totals();
        assertThat(t.received()).isEqualTo(received).isEqualTo(11);
        assertThat(t.late()).isEqualTo(late).isEqualTo(1);
        // 4 homes x 4 weeks, less the two weeks that closed before Late Larch joined.
        assertThat(t.expected()).isEqualTo(14);
        assertThat(t.missing()).isEqualTo(3);
        assertThat(t.percent()).isEqualTo(79);
        assertThat(report.participation().weeks()).hasSize(4);
        assertThat(report.participation().weeks().get(0).homes()).isEqualTo(3);
        assertThat(report.participation().weeks().get(1).late()).isEqualTo(1);
        assertThat(report.weeksRun()).isEqualTo(4);
        assertThat(report.finished()).isTrue();
        assertThat(html).contains("11 of the 14 weekly check-ins").contains(">79%<");
    }

    @Test
    void baseline_against_final_self_assessment_per_key_question() {
        OutcomeReport.HomeSection oak = section("Oak House");
        // Safe: S1 Outstanding (the edit, not the first version) and S2 Requires improvement: lower median RI.
        assertThat(row(oak, KeyQuestion.SAFE).selfAssessment()).contains(Rating.REQUIRES_IMPROVEMENT);
        assertThat(row(oak, KeyQuestion.SAFE).baseline()).contains(Rating.REQUIRES_IMPROVEMENT);
        assertThat(row(oak, KeyQuestion.SAFE).change()).contains(0);
        assertThat(row(oak, KeyQuestion.SAFE).itemsRated()).isEqualTo(2);
        assertThat(row(oak, KeyQuestion.EFFECTIVE).selfAssessment()).isEmpty();
        assertThat(oak.onTime()).isEqualTo(2);
        assertThat(oak.late()).isEqualTo(1);
        assertThat(oak.missing()).isEqualTo(1);
        assertThat(oak.tasksDone()).isEqualTo(1);
        assertThat(oak.tasksSet()).isEqualTo(2);
        assertThat(oak.sessionsAttended()).isEqualTo(1);
        assertThat(oak.sessionsHeld()).as("the closing call is still to come").isEqualTo(1);

        OutcomeReport.KeyQuestionChange safe = change(KeyQuestion.SAFE);
        assertThat(safe.improved())
                .as("Elm Court: Good against Requires improvement")
                .isEqualTo(1);
        assertThat(safe.same()).as("Oak House").isEqualTo(1);
        assertThat(safe.notCompared())
                .as("no baseline for Rose & Thorn or Late Larch")
                .isEqualTo(2);
        OutcomeReport.KeyQuestionChange wellLed = change(KeyQuestion.WELL_LED);
        assertThat(wellLed.same()).isEqualTo(1);
        assertThat(wellLed.lower())
                .as("Elm Court: Inadequate against Requires improvement")
                .isEqualTo(1);
        assertThat(report.homesImprovedAny()).isEqualTo(1);
        assertThat(report.baselineOverall()).isEqualTo(Map.of(Rating.GOOD, 2, Rating.REQUIRES_IMPROVEMENT, 1));
        assertThat(html).contains("▲ up 1 level").contains("▼ down 1 level").contains("● same");
    }

    @Test
    void the_indicative_rating_is_labelled_a_self_assessment_everywhere_it_appears() {
        assertThat(report.homes())
                .allSatisfy(h -> assertThat(h.projection().label()).isEqualTo(RatingProjection.SELF_ASSESSMENT_LABEL));
        int projections = count(html, "Indicative overall rating");
        int labels = count(html, "Self-assessment, not a CQC judgement");
        assertThat(labels).isGreaterThanOrEqualTo(report.homes().size() + 1);
        assertThat(projections).isGreaterThan(0);
    }

    @Test
    void homes_are_named_only_with_consent_and_others_get_letters_everywhere() {
        List<String> labels =
                report.homes().stream().map(OutcomeReport.HomeSection::label).toList();
        assertThat(labels)
                .hasSize(4)
                .startsWith("Oak House", ProgrammeFixture.ROSE)
                .doesNotContain("Elm Court", "Late Larch");
        assertThat(labels.subList(2, 4))
                .allSatisfy(l -> assertThat(l).matches("Home [A-Z]"))
                .isSortedAccordingTo(String::compareTo);
        assertThat(report.heatmap().rows()).extracting(HeatmapRow::label).containsExactlyElementsOf(labels);
        assertThat(html).contains("Oak House").contains("Rose &amp; Thorn &quot;Lodge&quot;");
        assertThat(html)
                .doesNotContain("Elm Court")
                .doesNotContain("Late Larch")
                .doesNotContain("1-123456789");
        for (OutcomeReport.HomeSection h : report.homes()) {
            assertThat(h.journey().title()).startsWith(h.label());
        }
    }

    @Test
    void a_home_has_the_same_label_in_the_weekly_summaries_and_in_the_report() {
        WeeklySummary week4 =
                new WeeklySummaryBuilder(f.cohorts, f.homes, f.checkins, ProgrammeFixture.CURRICULA).build(f.cohort, 4);
        assertThat(week4.heatmap().rows())
                .extracting(HeatmapRow::label)
                .containsExactlyElementsOf(
                        report.heatmap().rows().stream().map(HeatmapRow::label).toList());
        assertThat(week4.heatmap().rows())
                .extracting(HeatmapRow::cells)
                .containsExactlyElementsOf(
                        report.heatmap().rows().stream().map(HeatmapRow::cells).toList());
    }

    @Test
    void shared_learning_holds_only_consented_highlights_and_no_private_text() {
        assertThat(report.learning())
                .extracting(OutcomeReport.Learning::text)
                .containsExactly(
                        ProgrammeFixture.OAK_HIGHLIGHT,
                        ProgrammeFixture.ROSE_HIGHLIGHT,
                        ProgrammeFixture.SCRIPT_HIGHLIGHT);
        assertThat(report.learning())
                .extracting(OutcomeReport.Learning::homeName)
                .containsExactly(Optional.of("Oak House"), Optional.of(ProgrammeFixture.ROSE), Optional.empty());
        assertThat(html).doesNotContain(ProgrammeFixture.PRIVATE_HIGHLIGHT);
        for (Home h : homes()) {
            for (Checkin c : f.checkins.forHome(h.id())) {
                assertThat(html).doesNotContain(c.answers().didThisWeek());
                c.answers().evidence().ifPresent(e -> assertThat(html).doesNotContain(e));
                c.answers().nextStep().ifPresent(n -> assertThat(html).doesNotContain(n));
            }
        }
        assertThat(html).doesNotContain("HYPERLINK").doesNotContain("@coach");
    }

    @Test
    void user_text_is_escaped() {
        assertThat(html).doesNotContain("<script").doesNotContain("alert('x')");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; see https://example.org/tips");
        assertThat(html).contains("<title>Spring 2027 · outcome report");
    }

    @Test
    void the_page_is_self_contained_with_alt_text_on_every_image() {
        Matcher m = Pattern.compile("\\s(src|href|action|srcset|poster|data)\\s*=\\s*\"([^\"]*)\"")
                .matcher(html);
        List<String> refs = new ArrayList<>();
        while (m.find()) {
            refs.add(m.group(1) + "="
                    + m.group(2).substring(0, Math.min(30, m.group(2).length())));
            if (m.group(1).equals("src")) {
                assertThat(m.group(2)).startsWith("data:image/png;base64,");
            } else {
                assertThat(m.group(2)).as(m.group(0)).startsWith("#");
            }
        }
        assertThat(refs).isNotEmpty();
        assertThat(html)
                .doesNotContain("<link")
                .doesNotContain("@import")
                .doesNotContain("url(")
                .doesNotContain("<iframe")
                .doesNotContain("<object")
                .doesNotContain("<embed");
        assertThat(html).contains("Content-Security-Policy").contains("default-src 'none'");
        Matcher img = Pattern.compile("<img\\b[^>]*>").matcher(html);
        int images = 0;
        while (img.find()) {
            images++;
            assertThat(img.group()).containsPattern("alt=\"[^\"]{40,}\"");
        }
        assertThat(images).isEqualTo(2 + report.homes().size());
        assertThat(html)
                .contains("<html lang=\"en-GB\">")
                .contains("<h1>")
                .contains("@media print")
                .contains("break-before: page");
    }

    @Test
    void measures_appear_as_cohort_aggregates_with_their_chart_and_no_home_on_its_own() {
        assertThat(html).as("built without a digest, no measures section").doesNotContain("id=\"measures\"");
        HtmlReport.Rendered rendered =
                Reports.render(f.db, ProgrammeFixture.CURRICULA, Clock.fixed(AFTER, ZoneOffset.UTC), f.cohort);
        String page = rendered.html();
        int start = page.indexOf("<section id=\"measures\"");
        assertThat(start).isPositive();
        String section = page.substring(start, page.indexOf("</section>", start));
        assertThat(section)
                .contains("<strong>Falls &amp; trips</strong>")
                .contains("Pressure ulcers")
                .contains("mean per home")
                .contains("pooled rate");
        for (Home h : homes()) {
            assertThat(section).doesNotContain(h.name());
        }
        assertThat(rendered.charts()).containsKey("measures.png");
        assertThat(page).contains("<a href=\"#measures\">");
    }

    @Test
    void the_charts_come_out_as_png_files_too() {
        HtmlReport.Rendered rendered = new HtmlReport(new PngCharts()).render(report);
        assertThat(rendered.charts().keySet()).contains("participation.png", "heatmap.png", "journey-oak-house.png");
        for (OutcomeReport.HomeSection h : report.homes()) {
            assertThat(rendered.charts())
                    .containsKey("journey-"
                            + h.label()
                                    .toLowerCase(Locale.ROOT)
                                    .replaceAll("[^a-z]+", "-")
                                    .replaceAll("^-|-$", "")
                            + ".png");
        }
        assertThat(rendered.charts()).hasSize(2 + 4);
        assertThat(rendered.charts().values()).allSatisfy(png -> assertThat(png).startsWith(0x89, 'P', 'N', 'G'));
    }

    private OutcomeReport.HomeSection section(String label) {
        return report.homes().stream()
                .filter(h -> h.label().equals(label))
                .findFirst()
                .orElseThrow();
    }

    private static OutcomeReport.KeyQuestionRow row(OutcomeReport.HomeSection h, KeyQuestion kq) {
        return h.rows().stream().filter(r -> r.keyQuestion() == kq).findFirst().orElseThrow();
    }

    private OutcomeReport.KeyQuestionChange change(KeyQuestion kq) {
        return report.changes().stream()
                .filter(c -> c.keyQuestion() == kq)
                .findFirst()
                .orElseThrow();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
