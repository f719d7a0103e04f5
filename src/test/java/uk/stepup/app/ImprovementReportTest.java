package uk.stepup.app;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.stepup.app.ProgrammeFixture.AFTER;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.checkins.HighlightShare;
import uk.stepup.hostile.ExportCheck;
import uk.stepup.improvement.CycleRepository;
import uk.stepup.report.HtmlReport;
import uk.stepup.storage.JdbcCycleRepository;
import uk.stepup.storage.JdbcMeasureRepository;

/**
 * The report's improvement section over a real database: each home's aims, cycles and annotated charts under the
 * naming rule, a cycle's words only where the home shared it, adopted changes the homes shared, and the progress
 * scores beside the SPC verdicts. Writes the page to {@code target/report-samples/} for a person to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImprovementReportTest {
    @TempDir
    static Path dir;

    ProgrammeFixture f;
    HtmlReport.Rendered report;
    String html;

    @BeforeAll
    void open() throws IOException {
        f = new ProgrammeFixture(dir.resolve("stepup.db"));
        f.seedImprovement();
        // Rose & Thorn tests a change on falls, whose every value is a count of 1 to 4.
        long falls = new JdbcMeasureRepository(f.db)
                .inCohort(f.cohort.id()).stream()
                        .filter(m -> m.name().equals(ProgrammeFixture.FALLS))
                        .findFirst()
                        .orElseThrow()
                        .id();
        new JdbcCycleRepository(f.db)
                .add(new CycleRepository.NewCycle(
                        f.rose.id(),
                        OptionalLong.of(falls),
                        OptionalLong.empty(),
                        "Falls huddle",
                        "A huddle after handover",
                        "Fewer falls",
                        LocalDate.parse("2027-01-11"),
                        2,
                        HighlightShare.NAMED,
                        "204",
                        Instant.parse("2027-01-11T10:00:00Z")));
        report = Reports.render(f.db, ProgrammeFixture.CURRICULA, Clock.fixed(AFTER, ZoneOffset.UTC), f.cohort);
        html = report.html();
        Path samples = Files.createDirectories(Path.of("target", "report-samples"));
        Reports.writeHtml(report, samples.resolve("improvement.html"));
        for (Map.Entry<String, byte[]> png : report.charts().entrySet()) {
            if (png.getKey().startsWith("improvement-")) {
                Files.write(samples.resolve(png.getKey()), png.getValue());
            }
        }
    }

    @AfterAll
    void close() {
        f.close();
    }

    private String section() {
        int at = html.indexOf("<section id=\"improvement\"");
        assertThat(at).as("the improvement section").isPositive();
        return html.substring(at, html.indexOf("</section>", at));
    }

    @Test
    void the_section_is_in_the_contents_with_scores_beside_the_spc_verdicts() {
        assertThat(html).contains("<a href=\"#improvement\">Improvement work</a>");
        String s = section();
        assertThat(s)
                .contains("<th scope=\"col\" class=\"num\">Week 1</th>")
                .contains("<th scope=\"col\" class=\"num\">Week 4</th>")
                .contains("<strong>3.0</strong> Modest improvement")
                .contains("<strong>1.5</strong> Planning for the project has begun")
                // Oak House's recalculation from week 1 gives the programme weeks their own mean: no special cause
                // now, but the shift a person confirmed is where the measure moved, with the means either side.
                .contains("Falls &amp; trips: Common cause variation (limits recalculated from the week of 4 Jan 2027:"
                        + " mean 8.92 → 3.5)")
                .contains("<li>Oak House · Falls &amp; trips: a sustained shift; limits recalculated from the week of"
                        + " 4 Jan 2027: mean 8.92 → 3.5 (common cause variation since)</li>")
                .doesNotContain("No home's measure shows special cause variation yet.");
    }

    @Test
    void a_home_shows_its_aim_its_cycles_and_its_annotated_chart() {
        String s = section();
        assertThat(s)
                .contains("Oak House: improvement work")
                .contains("From 9 to 5 by 30 Jun 2027")
                .contains("Fewer falls at night: 9 to 5 a week by June")
                .contains("Sensor mats at night (adapts cycle 1)")
                .contains("Predicted: Falls stay down and people sleep")
                .contains("week 1: 2.0 · Activity, but no changes; week 4: 3.0 · Modest improvement");
        assertThat(report.charts().keySet()).anyMatch(k -> k.startsWith("improvement-") && k.contains("oak-house"));
        assertThat(s).contains("data:image/png;base64,");
    }

    @Test
    void a_chart_of_mostly_small_counts_is_left_out_with_a_sentence_saying_why() {
        String s = section();
        assertThat(s)
                .contains("Falls huddle")
                .contains("Falls &amp; trips: 4 of its 4 values are counts of 1 to 4, hidden in this report");
        assertThat(report.charts().keySet()).noneMatch(k -> k.startsWith("improvement-") && k.contains("rose"));
    }

    @Test
    void cycles_show_their_words_only_where_the_home_shared_them() {
        String s = section();
        // Oak House's first cycle was shared anonymously: under Oak's own name it shows only its number and stage.
        assertThat(s).doesNotContain("Night-time checks").doesNotContain(ProgrammeFixture.PRIVATE_IDEA);
        assertThat(s).contains("Not shared by name");
        // Elm Court's hostile cycle was shared anonymously and adopted: in the cohort's list, unattributed, escaped.
        assertThat(s)
                .contains("&lt;script&gt;alert(&#39;c&#39;)&lt;/script&gt; **Bold** @everyone &lt;@201&gt;")
                .contains("Shared anonymously")
                .contains("1 adopted change was kept to the home that made it");
        assertThat(html).doesNotContain("<script").doesNotContain("<b>noise");
        assertThat(ExportCheck.foreignMarkup(html)).isEmpty();
    }
}
