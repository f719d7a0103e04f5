package uk.stepup.report;

import static uk.stepup.report.Html.esc;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import uk.stepup.measures.CohortMeasures;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;
import uk.stepup.summaries.ChartRenderer;
import uk.stepup.summaries.ExportBuilder;
import uk.stepup.summaries.Heatmap;
import uk.stepup.summaries.HighlightPick;
import uk.stepup.summaries.OutcomeReport;
import uk.stepup.summaries.RatingProjection;

/**
 * Renders an {@link OutcomeReport} as one self-contained HTML page a coach can send to a care association's board:
 * an executive summary, participation, the cohort heatmap, a page per home (baseline against self-assessment, an
 * indicative overall rating labelled as a self-assessment, and the journey chart), shared learning, tasks and
 * sessions, and how to read it all. Charts are PNGs embedded as data URIs with alt text; a Content Security Policy
 * forbids loading anything from anywhere, so the file works offline and a stray link in a highlight can never fetch
 * anything.
 */
public final class HtmlReport {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    static final DateTimeFormatter DAY_SHORT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);
    static final String CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";
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
        Map<String, byte[]> pngs = new LinkedHashMap<>();
        pngs.put("participation.png", charts.participationPng(r.participation()));
        pngs.put("heatmap.png", charts.heatmapPng(r.heatmap()));
        r.measures().flatMap(m -> m.chart()).ifPresent(c -> pngs.put(MEASURES_FILE, c.png()));
        if (r.homes().size() <= HOME_PAGES_MAX) {
            for (int i = 0; i < r.homes().size(); i++) {
                pngs.put(journeyFile(r, i), charts.journeyPng(r.homes().get(i).journey()));
            }
        }
        StringBuilder s = new StringBuilder(64_000);
        head(s, r);
        s.append("<body>\n<div class=\"page\">\n");
        cover(s, r);
        contents(s, r);
        s.append("<main>\n");
        summary(s, r);
        participation(s, r, pngs.get("participation.png"));
        heatmap(s, r, pngs.get("heatmap.png"));
        measures(s, r, pngs.get(MEASURES_FILE));
        homes(s, r, pngs);
        learning(s, r);
        tasks(s, r);
        about(s, r);
        s.append("</main>\n");
        s.append("<footer class=\"end\"><p>Step up to Outstanding · ")
                .append(esc(r.cohortName()))
                .append(" · outcome report produced ")
                .append(esc(DAY.format(r.producedOn())))
                .append(". Self-ratings are the homes' own self-assessment, not CQC judgements.</p></footer>\n");
        s.append("</div>\n</body>\n</html>\n");
        return new Rendered(s.toString(), pngs);
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

    private static void head(StringBuilder s, OutcomeReport r) {
        s.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(CSP)
                .append("\">\n")
                .append("<meta name=\"generator\" content=\"Step up to Outstanding coaching bot\">\n")
                .append("<title>")
                .append(esc(r.cohortName()))
                .append(" · outcome report · Step up to Outstanding</title>\n")
                .append("<style>\n")
                .append(ReportStyle.CSS)
                .append("</style>\n</head>\n");
    }

    private static void cover(StringBuilder s, OutcomeReport r) {
        s.append("<header class=\"cover\">\n<p class=\"programme\">Step up to Outstanding · outcome report</p>\n")
                .append("<h1>")
                .append(esc(r.cohortName()))
                .append("</h1>\n<p>")
                .append(esc(dates(r)))
                .append("</p>\n")
                .append("<p>")
                .append(n(r.totals().homes()))
                .append(plural(r.totals().homes(), " care home", " care homes"))
                .append(" · ")
                .append(esc(r.framework()))
                .append("</p>\n")
                .append("<p class=\"produced\">Produced ")
                .append(esc(DAY.format(r.producedOn())))
                .append(
                        r.finished()
                                ? " · programme complete"
                                : " · programme in progress: week " + r.weeksRun() + " of " + r.weeksPlanned())
                .append("</p>\n</header>\n");
    }

    static String dates(OutcomeReport r) {
        String weeks = r.weeksRun() + " of " + r.weeksPlanned() + " weeks";
        if (r.firstDay().isEmpty()) {
            return r.weeksRun() == 0 ? "The programme has not started yet" : weeks;
        }
        String from = DAY.format(r.firstDay().get());
        return r.lastDay().map(l -> from + " to " + DAY.format(l)).orElse("From " + from) + " · " + weeks;
    }

    private static void contents(StringBuilder s, OutcomeReport r) {
        s.append(
                "<nav class=\"contents\" aria-labelledby=\"contents-h\">\n<h2 id=\"contents-h\">Contents</h2>\n<ol>\n");
        link(s, "summary", "Executive summary");
        link(s, "participation", "Participation");
        link(s, "heatmap", "Self-ratings across the cohort");
        if (r.measures().isPresent()) {
            link(s, "measures", "Quality-improvement measures");
        }
        link(s, "homes", homesHeading(r));
        link(s, "learning", "Shared learning");
        link(s, "tasks", "Tasks and sessions");
        link(s, "about", "About this report");
        s.append("</ol>\n</nav>\n");
    }

    private static void link(StringBuilder s, String id, String text) {
        s.append("<li><a href=\"#").append(id).append("\">").append(esc(text)).append("</a></li>\n");
    }

    private static void summary(StringBuilder s, OutcomeReport r) {
        OutcomeReport.Participation t = r.totals();
        s.append(
                "<section id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Executive summary</h2>\n");
        s.append("<p class=\"lead\">").append(esc(leadSentence(r))).append("</p>\n");
        s.append("<dl class=\"figures\">\n");
        figure(s, "Care homes", n(t.homes()), "taking part");
        figure(s, "Weeks run", String.valueOf(r.weeksRun()), "of " + r.weeksPlanned() + " planned");
        figure(
                s,
                "Participation",
                t.expected() == 0 ? "–" : t.percent() + "%",
                n(t.received()) + " of " + n(t.expected()) + " weekly check-ins");
        figure(
                s,
                "On time",
                t.received() == 0 ? "–" : t.onTimePercent() + "%",
                n(t.onTime()) + " of " + n(t.received()) + " check-ins received");
        s.append("</dl>\n");

        s.append("<h3>Self-assessment against the CQC baseline</h3>\n");
        s.append("<p>").append(esc(improvementSentence(r))).append("</p>\n");
        s.append(
                        "<div class=\"scroll\"><table>\n<caption>Homes whose self-assessment at the end is higher than, level with or lower than")
                .append(" their CQC rating when they joined</caption>\n<thead><tr><th scope=\"col\">Key question</th>")
                .append("<th scope=\"col\" class=\"num\">Higher</th><th scope=\"col\" class=\"num\">Same</th>")
                .append("<th scope=\"col\" class=\"num\">Lower</th><th scope=\"col\" class=\"num\">Not compared</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (OutcomeReport.KeyQuestionChange c : r.changes()) {
            s.append("<tr><th scope=\"row\">")
                    .append(esc(c.keyQuestion().label()))
                    .append("</th>")
                    .append(num(c.improved(), "▲ ", "up"))
                    .append(num(c.same(), "", "same"))
                    .append(num(c.lower(), "▼ ", "down"))
                    .append("<td class=\"num\">")
                    .append(n(c.notCompared()))
                    .append("</td></tr>\n");
        }
        s.append("</tbody>\n</table></div>\n<p class=\"muted\">Not compared: the home had no CQC rating for that key")
                .append(" question, or no self-ratings for it yet. ")
                .append(esc(OutcomeReport.ROLL_UP_RULE))
                .append("</p>\n");

        s.append(
                        "<h3>Indicative overall ratings</h3>\n<div class=\"callout\">\n<p class=\"selfassess\">Self-assessment,")
                .append(" not a CQC judgement</p>\n<p>Each home's overall rating as CQC's published aggregation")
                .append(" principles would normally give it from the home's own key-question self-assessment,")
                .append(" beside the CQC overall rating the homes held when they joined.</p>\n</div>\n");
        s.append("<div class=\"scroll\"><table>\n<caption>Homes at each overall rating: CQC's when they joined, and")
                .append(" the indicative one from their self-assessment now</caption>\n")
                .append("<thead><tr><th scope=\"col\">Rating</th>")
                .append("<th scope=\"col\" class=\"num\">CQC at start</th>")
                .append("<th scope=\"col\" class=\"num\">Self-assessed now</th></tr></thead>\n<tbody>\n");
        int baselineRated = 0;
        for (int i = Rating.values().length - 1; i >= 0; i--) {
            Rating rating = Rating.values()[i];
            int b = r.baselineOverall().getOrDefault(rating, 0);
            baselineRated += b;
            s.append("<tr><th scope=\"row\">")
                    .append(pill(Optional.of(rating)))
                    .append("</th><td class=\"num\">")
                    .append(n(b))
                    .append("</td><td class=\"num\">")
                    .append(n(r.projectedOverall().getOrDefault(rating, 0)))
                    .append("</td></tr>\n");
        }
        s.append("<tr><th scope=\"row\">")
                .append(pill(Optional.empty(), "Not rated / too few ratings"))
                .append("</th><td class=\"num\">")
                .append(n(t.homes() - baselineRated))
                .append("</td><td class=\"num\">")
                .append(n(r.projectionsPending()))
                .append("</td></tr>\n</tbody>\n</table></div>\n</section>\n");
    }

    static String leadSentence(OutcomeReport r) {
        OutcomeReport.Participation t = r.totals();
        StringBuilder s = new StringBuilder();
        s.append(n(t.homes())).append(plural(t.homes(), " care home", " care homes"));
        s.append(r.finished() ? " worked through " : " have worked through ")
                .append(r.weeksRun())
                .append(r.weeksRun() == 1 ? " week" : " weeks")
                .append(" of the programme");
        if (r.firstDay().isPresent()) {
            s.append(
                    r.lastDay().isPresent() && r.finished()
                            ? " between " + DAY.format(r.firstDay().get()) + " and "
                                    + DAY.format(r.lastDay().get())
                            : " since " + DAY.format(r.firstDay().get()));
        }
        s.append(", reflecting each week on one part of CQC's framework and checking in with a self-rating.");
        if (t.expected() > 0) {
            s.append(" They sent ")
                    .append(n(t.received()))
                    .append(" of the ")
                    .append(n(t.expected()))
                    .append(" weekly check-ins asked of them (")
                    .append(t.percent())
                    .append("%), ")
                    .append(t.onTimePercent())
                    .append("% of them on time.");
        }
        r.openWeek().ifPresent(w -> s.append(" Week ").append(w).append(" is still open and is not counted yet."));
        return s.toString();
    }

    static String improvementSentence(OutcomeReport r) {
        int homes = r.totals().homes();
        if (homes == 0) {
            return "No homes are enrolled yet.";
        }
        KeyQuestion most = null;
        int best = 0;
        for (OutcomeReport.KeyQuestionChange c : r.changes()) {
            if (c.improved() > best) {
                best = c.improved();
                most = c.keyQuestion();
            }
        }
        String s = n(r.homesImprovedAny()) + " of " + n(homes) + plural(homes, " home", " homes")
                + " now rate themselves higher than their CQC baseline in at least one key question";
        return most == null
                ? s + "."
                : s + "; the most movement is in " + most.label() + " (" + n(best) + plural(best, " home", " homes")
                        + ").";
    }

    private static void figure(StringBuilder s, String label, String value, String note) {
        s.append("<div><dt>")
                .append(esc(label))
                .append("</dt><dd>")
                .append(esc(value))
                .append("</dd><dd class=\"note\">")
                .append(esc(note))
                .append("</dd></div>\n");
    }

    private static String num(int count, String mark, String kind) {
        return "<td class=\"num\"><span class=\"change " + (count == 0 ? "na" : kind) + "\">" + (count == 0 ? "" : mark)
                + n(count) + "</span></td>";
    }

    /** A count as people read it: 15,000 rather than 15000. */
    static String n(int count) {
        return String.format(Locale.UK, "%,d", count);
    }

    private void participation(StringBuilder s, OutcomeReport r, byte[] png) {
        s.append("<section id=\"participation\" aria-labelledby=\"participation-h\">\n")
                .append("<h2 id=\"participation-h\">Participation</h2>\n");
        s.append("<p>Each week every home was asked for a short check-in: a self-rating for the week's topic, what")
                .append(" they did, their evidence and next step. A check-in sent after the Sunday deadline but")
                .append(" before the weekly summary counts as late.</p>\n");
        s.append(img(
                png,
                AltText.participation(r),
                "Check-ins each week: dark blue on time, light blue late," + " hatched grey missing."));
        s.append("</section>\n");
    }

    private void heatmap(StringBuilder s, OutcomeReport r, byte[] png) {
        s.append("<section id=\"heatmap\" aria-labelledby=\"heatmap-h\">\n")
                .append("<h2 id=\"heatmap-h\">Self-ratings across the cohort</h2>\n");
        if (r.heatmap().showsShares()) {
            s.append("<p>One column per week's topic, grouped by key question. With ")
                    .append(n(r.heatmap().rows().size()))
                    .append(" homes a row each would be unreadable, so each column shows the share of homes at each")
                    .append(" self-rating that week (O Outstanding, G Good, RI Requires improvement, I Inadequate);")
                    .append(" the hatched part is homes without a check-in.</p>\n");
        } else {
            s.append("<p>One row per home and one column per week's topic, grouped by key question. Each cell is the")
                    .append(
                            " home's self-rating that week (O Outstanding, G Good, RI Requires improvement, I Inadequate);")
                    .append(" hatched cells are weeks without a check-in.</p>\n");
        }
        s.append(img(png, AltText.heatmap(r), "Homes are named only if they chose to be; see About this report."));
        s.append("</section>\n");
    }

    private static void measures(StringBuilder s, OutcomeReport r, byte[] png) {
        if (r.measures().isEmpty()) {
            return;
        }
        s.append("<section id=\"measures\" aria-labelledby=\"measures-h\">\n")
                .append("<h2 id=\"measures-h\">Quality-improvement measures</h2>\n")
                .append("<p>The measures the cohort tracked, as cohort aggregates: the mean per home, or the pooled")
                .append(" rate for rates. No home is shown on its own, and counts of 1 to 4 are hidden so that no")
                .append(" small number can point to a person. Charts follow NHS Making Data Count: the centre line is")
                .append(
                        " the mean and the limits show how far values ordinarily vary from one period to the next.</p>\n")
                .append("<ul>\n");
        List<String> plain = new ArrayList<>();
        for (CohortMeasures.Line line : r.measures().get().lines()) {
            s.append("<li><strong>")
                    .append(esc(line.measure()))
                    .append("</strong>")
                    .append(esc(line.details()))
                    .append("</li>\n");
            plain.add(line.text());
        }
        s.append("</ul>\n");
        if (png == null) {
            s.append("<p>Too few values have been entered to chart yet.</p>\n</section>\n");
            return;
        }
        s.append(img(
                png,
                "Small multiples of the cohort's measures, one chart per measure over time. " + String.join(" ", plain),
                "Cohort aggregates per period; hidden periods had counts of 1 to 4."));
        s.append("</section>\n");
    }

    static String homesHeading(OutcomeReport r) {
        int homes = r.homes().size();
        return homes <= HOME_PAGES_MAX ? "Each home's journey" : homes <= HOME_LINES_MAX ? "Each home" : "The homes";
    }

    private void homes(StringBuilder s, OutcomeReport r, Map<String, byte[]> pngs) {
        s.append("<section id=\"homes\" aria-labelledby=\"homes-h\">\n<h2 id=\"homes-h\">")
                .append(esc(homesHeading(r)))
                .append("</h2>\n");
        if (r.homes().size() > HOME_LINES_MAX) {
            homesAsAWhole(s, r);
            return;
        }
        if (r.homes().size() > HOME_PAGES_MAX) {
            homeLines(s, r);
            return;
        }
        s.append("<p>For each home: its CQC ratings when it joined, its own self-assessment per key question at the")
                .append(" end, the indicative overall rating that self-assessment points to, and its self-ratings week")
                .append(" by week. ")
                .append(esc(OutcomeReport.ROLL_UP_RULE))
                .append("</p>\n");
        if (r.homes().isEmpty()) {
            s.append("<p>No homes are enrolled yet.</p>\n");
        }
        for (int i = 0; i < r.homes().size(); i++) {
            OutcomeReport.HomeSection h = r.homes().get(i);
            String id = "home-" + (i + 1);
            s.append("<article class=\"home\" id=\"")
                    .append(id)
                    .append("\" aria-labelledby=\"")
                    .append(id)
                    .append("-h\">\n<h3 id=\"")
                    .append(id)
                    .append("-h\">")
                    .append(esc(h.label()))
                    .append("</h3>\n");
            s.append("<ul class=\"facts\">\n<li>Check-ins: <strong>")
                    .append(h.onTime() + h.late())
                    .append(" of ")
                    .append(h.weeksAsked())
                    .append("</strong> weeks (")
                    .append(h.onTime())
                    .append(" on time, ")
                    .append(h.late())
                    .append(" late)</li>\n");
            if (h.tasksSet() > 0) {
                s.append("<li>Tasks done: <strong>")
                        .append(h.tasksDone())
                        .append(" of ")
                        .append(h.tasksSet())
                        .append("</strong></li>\n");
            }
            if (h.sessionsHeld() > 0) {
                s.append("<li>Sessions attended: <strong>")
                        .append(h.sessionsAttended())
                        .append(" of ")
                        .append(h.sessionsHeld())
                        .append("</strong></li>\n");
            }
            s.append("<li>CQC overall when joining: ")
                    .append(pill(h.baselineOverall(), "Not rated"))
                    .append("</li>\n</ul>\n");
            s.append("<div class=\"scroll\"><table>\n<caption>")
                    .append(esc(h.label()))
                    .append(": CQC baseline and self-assessment at the end")
                    .append(
                            "</caption>\n<thead><tr><th scope=\"col\">Key question</th><th scope=\"col\">CQC baseline</th>")
                    .append("<th scope=\"col\">Self-assessment</th><th scope=\"col\">Change</th>")
                    .append("<th scope=\"col\" class=\"num\">Weeks rated</th></tr></thead>\n<tbody>\n");
            for (OutcomeReport.KeyQuestionRow row : h.rows()) {
                s.append("<tr><th scope=\"row\">")
                        .append(esc(row.keyQuestion().label()))
                        .append("</th><td>")
                        .append(pill(row.baseline(), "Not rated"))
                        .append("</td><td>")
                        .append(pill(row.selfAssessment(), "No self-ratings yet"))
                        .append("</td><td>")
                        .append(change(row.change()))
                        .append("</td><td class=\"num\">")
                        .append(row.itemsRated())
                        .append(" of ")
                        .append(row.itemsRun())
                        .append("</td></tr>\n");
            }
            s.append("</tbody>\n</table></div>\n");
            s.append(
                            "<div class=\"callout\">\n<p class=\"selfassess\">Self-assessment, not a CQC judgement</p>\n<p><strong>")
                    .append(
                            h.projection().rating().isPresent()
                                    ? "Indicative overall rating:</strong> "
                                            + pill(h.projection().rating())
                                    : esc(h.projection().headline()) + "</strong>")
                    .append("</p>\n<p>")
                    .append(esc(h.projection().explanation()))
                    .append("</p>\n");
            if (!h.projection().toMoveUp().isBlank()) {
                s.append("<p>To move up: ")
                        .append(esc(h.projection().toMoveUp()))
                        .append("</p>\n");
            }
            s.append("</div>\n");
            s.append(img(
                    pngs.get(journeyFile(r, i)),
                    AltText.journey(h),
                    "Self-ratings week by week per key"
                            + " question; the dashed line is the CQC baseline. Each panel's heading gives the latest week's"
                            + " self-rating; the table above rolls up all of the key question's weeks."));
            s.append("</article>\n");
        }
        s.append("</section>\n");
    }

    /** A line per home: check-ins, the overall ratings, and each key question against its baseline. */
    private static void homeLines(StringBuilder s, OutcomeReport r) {
        s.append("<p>")
                .append(n(r.homes().size()))
                .append(" homes: too many for a page")
                .append(
                        " each, so each home has a line. For each: its check-ins, its CQC overall rating when it joined,")
                .append(" the indicative overall rating its own self-assessment points to now, and its self-assessment")
                .append(" per key question with the change from its CQC baseline. Each home's week-by-week journey is")
                .append(" in the data export, and its manager sees it with <code>/progress</code>. ")
                .append(esc(OutcomeReport.ROLL_UP_RULE))
                .append("</p>\n");
        s.append(
                        "<div class=\"scroll long\"><table class=\"long\">\n<caption>Each home: check-ins, overall ratings and")
                .append(" self-assessment per key question against the CQC baseline</caption>\n<thead><tr>")
                .append("<th scope=\"col\">Home</th><th scope=\"col\" class=\"num\">Check-ins</th>")
                .append("<th scope=\"col\">CQC overall at start</th><th scope=\"col\">Indicative overall now</th>");
        for (KeyQuestion kq : KeyQuestion.values()) {
            s.append("<th scope=\"col\">").append(esc(kq.label())).append("</th>");
        }
        s.append("</tr></thead>\n<tbody>\n");
        for (OutcomeReport.HomeSection h : r.homes()) {
            s.append("<tr><th scope=\"row\">")
                    .append(esc(h.label()))
                    .append("</th><td class=\"num\">")
                    .append(h.onTime() + h.late())
                    .append(" of ")
                    .append(h.weeksAsked())
                    .append("</td><td>")
                    .append(pill(h.baselineOverall(), "Not rated"))
                    .append("</td><td>")
                    .append(pill(h.projection().rating(), "Too few ratings"))
                    .append("</td>");
            for (OutcomeReport.KeyQuestionRow row : h.rows()) {
                s.append("<td>")
                        .append(pill(row.selfAssessment(), "None yet"))
                        .append(' ')
                        .append(change(row.change()))
                        .append("</td>");
            }
            s.append("</tr>\n");
        }
        s.append("</tbody>\n</table></div>\n</section>\n");
    }

    /** For a cohort too large for a line per home: how the homes took part, as a distribution. */
    private static void homesAsAWhole(StringBuilder s, OutcomeReport r) {
        int homes = r.homes().size();
        s.append("<p>With ")
                .append(n(homes))
                .append(" homes this report describes the")
                .append(" cohort as a whole: a page, or even a line, per home would run to thousands and nobody would")
                .append(" read it. The tables above give the homes' self-assessment against their CQC baseline and")
                .append(" their indicative overall ratings. Each home's own figures, week by week, are in the data")
                .append(" export, and each home's manager sees their journey with <code>/progress</code>.</p>\n");
        String[] bands = {
            "Every week",
            "Three quarters of the weeks or more",
            "Half or more",
            "Fewer than half",
            "None",
            "No week closed yet"
        };
        int[] counts = new int[bands.length];
        for (OutcomeReport.HomeSection h : r.homes()) {
            int asked = h.weeksAsked();
            int got = h.onTime() + h.late();
            counts[
                    asked == 0
                            ? 5
                            : got == asked ? 0 : got * 4 >= asked * 3 ? 1 : got * 2 >= asked ? 2 : got > 0 ? 3 : 4]++;
        }
        s.append("<div class=\"scroll\"><table>\n<caption>Homes by how many of the weeks asked of them they checked in")
                .append(
                        "</caption>\n<thead><tr><th scope=\"col\">Checked in</th><th scope=\"col\" class=\"num\">Homes</th>")
                .append("<th scope=\"col\" class=\"num\">Share</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < bands.length; i++) {
            if (i == 5 && counts[i] == 0) {
                continue;
            }
            s.append("<tr><th scope=\"row\">")
                    .append(esc(bands[i]))
                    .append("</th><td class=\"num\">")
                    .append(n(counts[i]))
                    .append("</td><td class=\"num\">")
                    .append(homes == 0 ? "–" : Math.round(100.0 * counts[i] / homes) + "%")
                    .append("</td></tr>\n");
        }
        s.append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void learning(StringBuilder s, OutcomeReport r) {
        s.append("<section id=\"learning\" class=\"learning\" aria-labelledby=\"learning-h\">\n")
                .append("<h2 id=\"learning-h\">Shared learning</h2>\n");
        if (r.learning().isEmpty()) {
            s.append("<p>No home chose to share a highlight with the cohort.</p>\n</section>\n");
            return;
        }
        long named = r.learning().stream().filter(l -> l.homeName().isPresent()).count();
        if (r.learningNotShown().isEmpty()) {
            s.append("<p>")
                    .append(r.learning().size())
                    .append(plural(r.learning().size(), " highlight", " highlights"))
                    .append(" that homes chose to share with the cohort, by key question; ")
                    .append(named)
                    .append(" shared with the home's name, the rest anonymously.</p>\n<div class=\"flow\">\n");
        } else {
            s.append("<p>")
                    .append(n(r.learningShared()))
                    .append(
                            " highlights that homes chose to share with the cohort. With that many, the report shows at")
                    .append(" most ")
                    .append(HighlightPick.SHOWN)
                    .append(" a week, picked at random (")
                    .append(r.learning().size())
                    .append(" in all), by key question; the data export has every one. Of")
                    .append(" those shown, ")
                    .append(named)
                    .append(" were shared with the home's name, the rest anonymously.</p>\n<div class=\"flow\">\n");
        }
        for (KeyQuestion kq : KeyQuestion.values()) {
            List<OutcomeReport.Learning> items =
                    r.learning().stream().filter(l -> l.keyQuestion() == kq).toList();
            if (items.isEmpty()) {
                continue;
            }
            s.append("<h3>").append(esc(kq.label())).append("</h3>\n");
            int week = -1;
            for (OutcomeReport.Learning l : items) {
                if (l.week() != week) {
                    if (week != -1) {
                        endWeek(s, r, week);
                    }
                    week = l.week();
                    s.append("<h4>Week ")
                            .append(l.week())
                            .append(" · ")
                            .append(esc(l.code()))
                            .append(" ")
                            .append(esc(l.title()))
                            .append("</h4>\n<ul>\n");
                }
                s.append("<li><q>")
                        .append(esc(l.text()))
                        .append("</q><span class=\"who\">")
                        .append(esc(l.homeName().orElse("Shared anonymously")))
                        .append("</span></li>\n");
            }
            endWeek(s, r, week);
        }
        s.append("</div>\n</section>\n");
    }

    /** Closes a week's list of highlights, saying how many more were shared that week when not all are shown. */
    private static void endWeek(StringBuilder s, OutcomeReport r, int week) {
        s.append("</ul>\n");
        int more = r.learningNotShown().getOrDefault(week, 0);
        if (more > 0) {
            s.append("<p class=\"muted\">")
                    .append(n(more))
                    .append(plural(more, " more home", " more homes"))
                    .append(" shared a highlight that week.</p>\n");
        }
    }

    private static void tasks(StringBuilder s, OutcomeReport r) {
        int homes = r.totals().homes();
        s.append("<section id=\"tasks\" aria-labelledby=\"tasks-h\">\n<h2 id=\"tasks-h\">Tasks and sessions</h2>\n");
        if (r.tasks().isEmpty()) {
            s.append("<p>No tasks were set through the bot for this cohort.</p>\n");
        } else {
            s.append("<div class=\"scroll\"><table>\n<caption>Tasks set by the coaches, and how many of the ")
                    .append(n(homes))
                    .append(
                            " homes did each</caption>\n<thead><tr><th scope=\"col\">Task</th><th scope=\"col\">Due</th>")
                    .append("<th scope=\"col\" class=\"num\">Done</th><th scope=\"col\" class=\"num\">Not yet due</th>")
                    .append("<th scope=\"col\" class=\"num\">Overdue</th></tr></thead>\n<tbody>\n");
            for (OutcomeReport.TaskLine t : r.tasks()) {
                s.append("<tr><th scope=\"row\">")
                        .append(esc(t.title()))
                        .append("</th><td>")
                        .append(esc(DAY_SHORT.format(t.due())))
                        .append("</td><td class=\"num\">")
                        .append(n(t.done()))
                        .append("</td><td class=\"num\">")
                        .append(n(t.pending()))
                        .append("</td><td class=\"num\">")
                        .append(n(t.overdue()))
                        .append("</td></tr>\n");
            }
            s.append("</tbody>\n</table></div>\n");
        }
        if (r.sessions().isEmpty()) {
            s.append("<p>No coaching sessions were scheduled through the bot for this cohort.</p>\n");
        } else {
            s.append("<div class=\"scroll\"><table>\n<caption>Coaching sessions and how many of the ")
                    .append(n(homes))
                    .append(
                            " homes attended</caption>\n<thead><tr><th scope=\"col\">Session</th><th scope=\"col\">When</th>")
                    .append("<th scope=\"col\" class=\"num\">Homes</th><th scope=\"col\" class=\"num\">People</th>")
                    .append("</tr></thead>\n<tbody>\n");
            for (OutcomeReport.SessionLine l : r.sessions()) {
                s.append("<tr><th scope=\"row\">")
                        .append(esc(l.title()))
                        .append("</th><td>")
                        .append(esc(WHEN.format(l.startsAt())))
                        .append(l.held() ? "" : " (upcoming)")
                        .append("</td><td class=\"num\">")
                        .append(n(l.homesAttended()))
                        .append("</td><td class=\"num\">")
                        .append(n(l.people()))
                        .append("</td></tr>\n");
            }
            s.append("</tbody>\n</table></div>\n");
        }
        s.append("</section>\n");
    }

    private static void about(StringBuilder s, OutcomeReport r) {
        s.append(
                        "<section id=\"about\" class=\"about\" aria-labelledby=\"about-h\">\n<h2 id=\"about-h\">About this report</h2>\n<ul>\n")
                .append("<li><strong>Self-assessment.</strong> Every rating after the CQC baseline is the home's own")
                .append(" weekly self-rating. Indicative overall ratings apply CQC's published aggregation principles")
                .append(" to those self-ratings: they are a self-assessment, not a CQC judgement. ")
                .append(esc(RatingProjection.CAVEAT))
                .append("</li>\n")
                .append("<li><strong>Key questions.</strong> ")
                .append(esc(OutcomeReport.ROLL_UP_RULE))
                .append("</li>\n")
                .append("<li><strong>Names.</strong> ")
                .append(esc(OutcomeReport.NAMING_RULE))
                .append("</li>\n")
                .append("<li><strong>Privacy.</strong> What homes wrote about their week, their evidence and next")
                .append(" steps stays private to each home and the coaches and is not in this report.</li>\n")
                .append("<li><strong>Participation.</strong> Counted over weeks whose check-in window has closed, for")
                .append(" the homes enrolled by then.</li>\n")
                .append("<li><strong>Data.</strong> ")
                .append(esc(r.framework()))
                .append("; figures as of ")
                .append(esc(DAY.format(r.producedOn())))
                .append(".</li>\n</ul>\n</section>\n");
    }

    static String pill(Optional<Rating> rating) {
        return pill(rating, "Not rated");
    }

    static String pill(Optional<Rating> rating, String none) {
        if (rating.isEmpty()) {
            return "<span class=\"pill none\">" + esc(none) + "</span>";
        }
        Rating r = rating.get();
        return "<span class=\"pill " + r.key().replace('_', '-') + "\">" + esc(r.label()) + "</span>";
    }

    static String change(Optional<Integer> change) {
        if (change.isEmpty()) {
            return "<span class=\"change na\">–</span>";
        }
        int d = change.get();
        if (d == 0) {
            return "<span class=\"change same\">● same</span>";
        }
        String levels = Math.abs(d) + (Math.abs(d) == 1 ? " level" : " levels");
        return d > 0
                ? "<span class=\"change up\">▲ up " + levels + "</span>"
                : "<span class=\"change down\">▼ down " + levels + "</span>";
    }

    private static String img(byte[] png, String alt, String caption) {
        int[] size = Png.size(png);
        return "<figure>\n<img src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + "\" alt=\""
                + esc(alt) + "\"" + (size == null ? "" : " width=\"" + size[0] + "\" height=\"" + size[1] + "\"")
                + ">\n<figcaption>" + esc(caption) + "</figcaption>\n</figure>\n";
    }

    static String plural(int n, String one, String many) {
        return n == 1 ? one : many;
    }
}
