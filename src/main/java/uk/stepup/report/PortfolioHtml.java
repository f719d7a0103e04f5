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
import java.util.LinkedHashMap;
import java.util.Map;
import uk.stepup.measures.MeasureChartRenderer;
import uk.stepup.portfolio.MeasureSection;
import uk.stepup.portfolio.Portfolio;
import uk.stepup.portfolio.PortfolioRenderer;
import uk.stepup.summaries.ChartRenderer;

/**
 * Lays a home's {@link Portfolio} out as one self-contained, print-ready HTML page: A4 pages, no scripts, nothing
 * loaded from anywhere (a Content Security Policy forbids it), the charts (the home's self-assessment journey and its
 * measures' control charts) embedded as PNG data. Laid out by {@code portfolio.mustache} from a {@link PortfolioView};
 * the engine escapes every value ({@link Html#esc}), so no stored text can add markup.
 */
public final class PortfolioHtml implements PortfolioRenderer {
    private static final String TEMPLATES = "/uk/stepup/report/";
    /** Compiled once; a JMustache template may be run by many threads at once. */
    private static final Template PAGE = Mustache.compiler()
            .withEscaper(Html::esc)
            .strictSections(true)
            .emptyStringIsFalse(true)
            .withLoader(PortfolioHtml::template)
            .compile(template("portfolio"));

    private final ChartRenderer charts;
    private final MeasureChartRenderer measureCharts;

    public PortfolioHtml(ChartRenderer charts, MeasureChartRenderer measureCharts) {
        this.charts = charts;
        this.measureCharts = measureCharts;
    }

    @Override
    public String html(Portfolio p) {
        Map<String, byte[]> pngs = new LinkedHashMap<>();
        pngs.put(PortfolioView.JOURNEY_FILE, charts.journeyPng(p.journey()));
        for (MeasureSection m : p.measures()) {
            if (m.chart().spc().isPresent()) {
                pngs.put(PortfolioView.measureFile(m), measureCharts.measurePng(m.chart()));
            }
        }
        StringWriter html = new StringWriter(128 * 1024);
        PAGE.execute(PortfolioView.of(p, pngs), html);
        return html.toString();
    }

    private static Reader template(String name) {
        String path = TEMPLATES + name + ".mustache";
        try (InputStream in = PortfolioHtml.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new FileNotFoundException(path);
            }
            return new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
