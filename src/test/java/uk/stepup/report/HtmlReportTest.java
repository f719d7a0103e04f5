package uk.stepup.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.stepup.measures.ChartImage;
import uk.stepup.measures.CohortMeasures;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.summaries.ChartRenderer;
import uk.stepup.summaries.Heatmap;
import uk.stepup.summaries.OutcomeReport;
import uk.stepup.summaries.ParticipationSeries;
import uk.stepup.summaries.Projection;
import uk.stepup.summaries.RatingJourney;

/** The page's edge cases, from hand-made report values: the parts that say there is nothing to show yet. */
class HtmlReportTest {
    /** Not a PNG: the img tag then has no width and height. */
    private static final byte[] NOT_A_PNG = {1, 2, 3};

    private static final ChartRenderer CHARTS = new ChartRenderer() {
        @Override
        public byte[] heatmapPng(Heatmap heatmap) {
            return NOT_A_PNG;
        }

        @Override
        public byte[] participationPng(ParticipationSeries series) {
            return NOT_A_PNG;
        }

        @Override
        public byte[] journeyPng(RatingJourney journey) {
            return NOT_A_PNG;
        }
    };

    @Test
    void a_cohort_with_nothing_yet_says_so_in_each_part() {
        String html = render(report(List.of(), Optional.empty()));
        assertThat(html)
                .startsWith("<!DOCTYPE html>\n<html lang=\"en-GB\">\n")
                .endsWith("</div>\n</body>\n</html>\n")
                .contains("<p>The programme has not started yet</p>")
                .contains("<p>0 care homes · CQC &lt;KLOEs&gt;</p>")
                .contains("<p>No homes are enrolled yet.</p>\n</section>")
                .contains("<p>No home chose to share a highlight with the cohort.</p>\n</section>")
                .contains("<p>No tasks were set through the bot for this cohort.</p>")
                .contains("<p>No coaching sessions were scheduled through the bot for this cohort.</p>")
                .contains("<img src=\"data:image/png;base64,AQID\" alt=\"Chart of check-ins per week: no week has"
                        + " closed yet.\">")
                .doesNotContain("id=\"measures\"");
    }

    @Test
    void a_measure_line_shows_its_name_whole_and_escaped_and_no_chart_until_there_are_values_to_chart() {
        CohortMeasures.Digest digest = new CohortMeasures.Digest(
                List.of(new CohortMeasures.Line("<b>Falls</b> **bold** <@1>", ": no values yet")), Optional.empty());
        String html = render(report(List.of(), Optional.of(digest)));
        assertThat(html)
                .contains("<li><a href=\"#measures\">Quality-improvement measures</a></li>")
                .contains("<li><strong>&lt;b&gt;Falls&lt;/b&gt; **bold** &lt;@1&gt;</strong>: no values yet</li>")
                .contains("<p>Too few values have been entered to chart yet.</p>\n</section>");

        String charted =
                render(report(List.of(), Optional.of(new CohortMeasures.Digest(digest.lines(), Optional.of(chart())))));
        assertThat(charted)
                .contains("alt=\"Small multiples of the cohort&#39;s measures, one chart per measure over time."
                        + " &lt;b&gt;Falls&lt;/b&gt; **bold** &lt;@1&gt;: no values yet\"")
                .doesNotContain("Too few values have been entered");
    }

    @Test
    void more_than_a_thousand_homes_before_any_week_closed_are_counted_as_such() {
        List<OutcomeReport.HomeSection> homes = new ArrayList<>();
        for (int i = 0; i <= HtmlReport.HOME_LINES_MAX; i++) {
            homes.add(home("Home " + i));
        }
        String html = render(report(homes, Optional.empty()));
        assertThat(html)
                .contains("<h2 id=\"homes-h\">The homes</h2>")
                .contains("<p>With 1,001 homes this report describes the cohort as a whole")
                .contains("<tr><th scope=\"row\">None</th><td class=\"num\">0</td><td class=\"num\">0%</td></tr>\n"
                        + "<tr><th scope=\"row\">No week closed yet</th><td class=\"num\">1,001</td>"
                        + "<td class=\"num\">100%</td></tr>\n</tbody>");
    }

    private static String render(OutcomeReport r) {
        return new HtmlReport(CHARTS).render(r).html();
    }

    private static ChartImage chart() {
        return new ChartImage("measures.png", NOT_A_PNG);
    }

    private static OutcomeReport.HomeSection home(String label) {
        return new OutcomeReport.HomeSection(
                label,
                false,
                Optional.empty(),
                List.of(),
                new Projection(Optional.empty(), "No ratings yet.", "", List.of(KeyQuestion.values())),
                new RatingJourney(label, List.of()),
                0,
                0,
                0,
                0,
                0,
                0,
                0);
    }

    private static OutcomeReport report(List<OutcomeReport.HomeSection> homes, Optional<CohortMeasures.Digest> m) {
        return new OutcomeReport(
                "Spring <2027>",
                "CQC <KLOEs>",
                Optional.empty(),
                Optional.empty(),
                LocalDate.of(2027, 1, 1),
                0,
                24,
                false,
                Optional.empty(),
                new OutcomeReport.Participation(0, 0, 0, 0, 0),
                List.of(),
                0,
                Map.of(),
                Map.of(),
                0,
                new ParticipationSeries("Check-ins", List.of()),
                new Heatmap("Self-ratings", List.of(), List.of()),
                homes,
                List.of(),
                Map.of(),
                List.of(),
                List.of(),
                m);
    }
}
