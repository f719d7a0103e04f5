package uk.stepup.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.stepup.summaries.ChartRenderer;
import uk.stepup.summaries.ExportBuilder;
import uk.stepup.summaries.Heatmap;
import uk.stepup.summaries.ImprovementReport;
import uk.stepup.summaries.OutcomeReport;

/**
 * Renders an {@link OutcomeReport} as one self-contained HTML page a coach can send to a care association's board:
 * an executive summary, participation, the cohort heatmap, a page per home (baseline against self-assessment, an
 * indicative overall rating labelled as a self-assessment, and the journey chart), the homes' improvement work (aims,
 * PDSA cycles, annotated charts, progress scores beside SPC verdicts, adopted changes), shared learning, tasks and
 * sessions, and how to read it all. Charts are PNGs embedded as data URIs with alt text; a Content Security Policy
 * forbids loading anything from anywhere, so the file works offline and a stray link in a highlight can never fetch
 * anything.
 *
 * <p>The page is laid out by {@code outcome-report.mustache} (next to this class in the resources) from a
 * {@link ReportView}: Java decides what the page says, the template only places it. The template engine escapes
 * every value ({@link Html#esc}), so no text from the database can add markup.
 */
public final class HtmlReport {
    static final String PARTICIPATION_FILE = "participation.png";
    static final String HEATMAP_FILE = "heatmap.png";
    static final String MEASURES_FILE = "measures.png";

    /**
     * Up to this many homes, each home gets a page with its journey chart. Beyond it a chart per home makes a report
     * nobody reads (and a large file: about 140 kB of picture per home), so each home gets a line in a table instead.
     */
    static final int HOME_PAGES_MAX = Heatmap.ROWS_DRAWN_MAX;
    /**
     * Up to this many homes, the table has a line per home. Beyond it the report describes the homes as a whole: a
     * board reads distributions, and each home's own figures are in the data export and in {@code /progress}.
     */
    static final int HOME_LINES_MAX = 1_000;

    private static final String TEMPLATES = "/uk/stepup/report/";
    /** Compiled once; a JMustache template may be run by many threads at once. */
    private static final Template PAGE = Mustache.compiler()
            .withEscaper(Html::esc)
            .strictSections(true)
            .withLoader(HtmlReport::template)
            .compile(template("outcome-report"));

    private final ChartRenderer charts;

    /** The page and, separately, the chart images it embeds (file name → PNG). */
    public record Rendered(String html, Map<String, byte[]> charts) {
        public Rendered {
            charts = Collections.unmodifiableMap(new LinkedHashMap<>(charts));
        }
    }

    public HtmlReport(ChartRenderer charts) {
        this.charts = charts;
    }

    public Rendered render(OutcomeReport r) {
        return render(r, Optional.empty());
    }

    /** The report with a section on the homes' improvement work, when there is any. */
    public Rendered render(OutcomeReport r, Optional<ImprovementReport> improvement) {
        Map<String, byte[]> pngs = new LinkedHashMap<>();
        pngs.put(PARTICIPATION_FILE, charts.participationPng(r.participation()));
        pngs.put(HEATMAP_FILE, charts.heatmapPng(r.heatmap()));
        r.measures().flatMap(m -> m.chart()).ifPresent(c -> pngs.put(MEASURES_FILE, c.png()));
        if (r.homes().size() <= HOME_PAGES_MAX) {
            for (int i = 0; i < r.homes().size(); i++) {
                pngs.put(journeyFile(r, i), charts.journeyPng(r.homes().get(i).journey()));
            }
        }
        Optional<ImprovementReport> shown = improvement.filter(i -> !i.isEmpty());
        shown.ifPresent(i -> {
            for (int h = 0; h < i.homes().size(); h++) {
                List<ImprovementReport.Chart> charts = i.homes().get(h).charts();
                for (int c = 0; c < charts.size(); c++) {
                    pngs.put(improvementFile(i, h, c), charts.get(c).png());
                }
            }
        });
        StringWriter html = new StringWriter(64 * 1024);
        PAGE.execute(ReportView.of(r, pngs, shown), html);
        return new Rendered(html.toString(), pngs);
    }

    /** "journey-home-a.png", "journey-oak-house.png": one per home, all different. */
    static String journeyFile(OutcomeReport r, int index) {
        String slug = ExportBuilder.slug(r.homes().get(index).label());
        for (int j = 0; j < index; j++) {
            if (ExportBuilder.slug(r.homes().get(j).label()).equals(slug)) {
                return "journey-" + slug + "-" + (index + 1) + ".png";
            }
        }
        return "journey-" + slug + ".png";
    }

    /** "improvement-home-a-falls.png": a home's annotated chart of a measure, all different. */
    static String improvementFile(ImprovementReport i, int home, int chart) {
        return "improvement-" + (home + 1) + "-"
                + ExportBuilder.slug(i.homes().get(home).label()) + "-"
                + ExportBuilder.slug(i.homes().get(home).charts().get(chart).measure()) + "-" + (chart + 1) + ".png";
    }

    /** A template (or a partial: {@code pill}, {@code change}, {@code figure}) from the resources. */
    private static Reader template(String name) {
        String path = TEMPLATES + name + ".mustache";
        try (InputStream in = HtmlReport.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new FileNotFoundException(path);
            }
            return new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
