package uk.stepup.measures;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.measures.spc.Observation;
import uk.stepup.measures.spc.SpcChart;
import uk.stepup.shared.Actor;

/**
 * A home's own measures: each measure's values and control chart, for its managers only ({@code /measures}, and a
 * line in {@code /progress}). Nothing here is shared with the cohort, so nothing is suppressed.
 */
public final class HomeMeasuresService {
    /** Discord takes at most 10 files on a message. */
    public static final int MAX_CHARTS = 10;
    /** Discord's limit for a message's text. */
    static final int MESSAGE_MAX = 2000;

    private final CohortRepository cohorts;
    private final HomeRepository homes;
    private final MeasureRepository measures;
    private final MeasureChartRenderer renderer;

    public HomeMeasuresService(
            CohortRepository cohorts, HomeRepository homes, MeasureRepository measures, MeasureChartRenderer renderer) {
        this.cohorts = cohorts;
        this.homes = homes;
        this.measures = measures;
        this.renderer = renderer;
    }

    /** One measure for one home: its values in period order and its chart, if there are 2 or more values. */
    public record Status(Measure measure, List<MeasureValue> values, Optional<SpcChart> chart) {
        public Status {
            values = List.copyOf(values);
        }

        public Optional<MeasureValue> latest() {
            return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
        }

        /**
         * "Latest **2**, week of 15 Feb 2027 · Special cause improvement (lower) · Hit and miss against the target ·
         * 19 values".
         */
        public String line() {
            if (latest().isEmpty()) {
                return "No values yet.";
            }
            MeasureValue v = latest().get();
            StringBuilder s = new StringBuilder("Latest **")
                    .append(Numbers.format(v.value()))
                    .append("**");
            measure.rate()
                    .ifPresent(r -> s.append(" (")
                            .append(Numbers.format(v.numerator().orElse(0)))
                            .append(" ÷ ")
                            .append(Numbers.format(v.denominator().orElse(1)))
                            .append(')'));
            s.append(", ").append(measure.frequency().label(v.period()));
            if (chart.isEmpty()) {
                return s.append(" · a chart needs at least two values").toString();
            }
            SpcChart c = chart.get();
            s.append(" · ").append(SpcWords.variation(c.variationIcon()));
            if (measure.target().isPresent()) {
                s.append(" · ").append(SpcWords.assurance(c.assurance(), measure.direction(), true));
            }
            s.append(" · ").append(values.size()).append(" values");
            if (c.hasTrialLimits()) {
                s.append(", trial limits");
            }
            return s.toString();
        }

        /** "latest **2** · Improvement · Hit and miss": for when many measures share a message. */
        public String shortLine() {
            if (latest().isEmpty()) {
                return "no values yet";
            }
            StringBuilder s = new StringBuilder("latest **")
                    .append(Numbers.format(latest().get().value()))
                    .append("**");
            chart.ifPresent(c -> {
                s.append(" · ").append(SpcWords.variationShort(c.variationIcon()));
                String assurance = SpcWords.assuranceShort(c.assurance());
                s.append(assurance.isEmpty() ? "" : " · " + assurance);
            });
            return s.toString();
        }
    }

    /** What {@code /measures} shows a manager: the text and one chart per measure with enough values. */
    public record View(String text, List<ChartImage> charts) {
        public View {
            charts = List.copyOf(charts);
        }
    }

    /** Every measure of the home's cohort with the home's values, in the cohort's order. */
    public List<Status> statuses(Cohort cohort, Home home) {
        Map<Long, List<MeasureValue>> byMeasure =
                measures.forHome(home.id()).stream().collect(Collectors.groupingBy(MeasureValue::measureId));
        List<Status> out = new ArrayList<>();
        for (Measure m : measures.inCohort(cohort.id())) {
            List<MeasureValue> values = byMeasure.getOrDefault(m.id(), List.of());
            out.add(new Status(m, values, MeasureSpc.chart(m, observations(values), cohort.startDate())));
        }
        return out;
    }

    static List<Observation> observations(List<MeasureValue> values) {
        return values.stream().map(v -> new Observation(v.period(), v.value())).toList();
    }

    /** {@code /measures}: the manager's home's measures with their charts, only for them. */
    public View forManager(Actor actor) {
        Optional<Home> home = ManagedHomes.current(homes, cohorts, actor, false);
        if (home.isEmpty()) {
            return new View(
                    actor.coach()
                            ? "`/measures` shows a home's managers their own charts. As a coach, you see the cohort's measures "
                                    + "in the weekly summary, and `/measure list` shows their definitions."
                            : "You are not enrolled as a manager of a home yet, so there are no measures to show. "
                                    + "Ask your coach to enrol you.",
                    List.of());
        }
        Home h = home.get();
        Cohort cohort = cohorts.byId(h.cohortId()).orElseThrow();
        List<Status> statuses = statuses(cohort, h);
        if (statuses.isEmpty()) {
            return new View(
                    "**" + h.name() + "**: " + cohort.name() + " has no measures yet. "
                            + "Your coach adds them with `/measure add`.",
                    List.of());
        }
        List<ChartImage> charts = new ArrayList<>();
        for (Status st : statuses) {
            if (st.chart().isPresent() && charts.size() < MAX_CHARTS) {
                charts.add(new ChartImage(filename(st.measure()), renderer.measurePng(chart(cohort, h, st))));
            }
        }
        boolean anyChart = statuses.stream().anyMatch(st -> st.chart().isPresent());
        String full = text(h, cohort, statuses, anyChart, true);
        // Twelve measures with their definitions may not fit in one message: then each keeps only its name and line.
        return new View(full.length() <= MESSAGE_MAX ? full : text(h, cohort, statuses, anyChart, false), charts);
    }

    private static String text(Home h, Cohort cohort, List<Status> statuses, boolean anyChart, boolean definitions) {
        StringBuilder s = new StringBuilder("**")
                .append(h.name())
                .append("** · your measures in ")
                .append(cohort.name())
                .append(" (only you see this)\n");
        for (Status st : statuses) {
            s.append("**")
                    .append(st.measure().position())
                    .append(". ")
                    .append(st.measure().name())
                    .append("**");
            if (definitions) {
                s.append(" · ")
                        .append(st.measure().definition())
                        .append('\n')
                        .append(st.line())
                        .append('\n');
            } else {
                s.append(": ").append(st.shortLine()).append('\n');
            }
        }
        if (anyChart) {
            s.append(
                    definitions
                            ? "\nIn the charts grey points are common cause variation; blue is improvement, orange concern, "
                                    + "purple a special cause where neither way is better. Dashed lines are the process limits, the "
                                    + "black line the mean, the red line the target."
                            : "\nDefinitions: `/measure list`.");
        } else {
            s.append("\nCharts appear once a measure has two values. Add them after your check-in, or load up to "
                    + MeasureCsv.MONTHS_BACK + " months of history with `/measure import`.");
        }
        return s.toString();
    }

    /** The chart of one measure for one home. */
    public MeasureChart chart(Cohort cohort, Home home, Status st) {
        Measure m = st.measure();
        List<Observation> obs = observations(st.values());
        LocalDate first = m.frequency().periodOf(cohort.startDate());
        boolean history = obs.stream().anyMatch(o -> o.date().isBefore(first));
        String subtitle = home.name() + " · " + m.definition();
        return new MeasureChart(
                m.name(),
                subtitle,
                m.frequency(),
                st.chart(),
                List.of(),
                history ? Optional.of(first) : Optional.<LocalDate>empty(),
                MeasureSpc.limitsNote(st.chart(), obs));
    }

    /** A few lines for {@code /progress}; empty when the cohort has no measures. */
    public Optional<String> progress(Home home) {
        Optional<Cohort> cohort = cohorts.byId(home.cohortId());
        if (cohort.isEmpty()) {
            return Optional.empty();
        }
        List<Status> statuses = statuses(cohort.get(), home);
        if (statuses.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder s = new StringBuilder("**Measures** (charts with `/measures`)\n");
        for (Status st : statuses) {
            s.append(st.measure().name()).append(": ");
            if (st.latest().isEmpty()) {
                s.append("no values yet");
            } else {
                s.append("latest ").append(Numbers.format(st.latest().get().value()));
                st.chart().ifPresent(c -> s.append(" · ").append(SpcWords.variation(c.variationIcon())));
            }
            s.append('\n');
        }
        return Optional.of(s.toString().strip());
    }

    /** "measure-2-falls-rate.png": plain ASCII, so every client shows it. */
    static String filename(Measure m) {
        String ascii = Normalizer.normalize(m.name(), Normalizer.Form.NFKD)
                .replaceAll("[^\\p{ASCII}]", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        if (ascii.length() > 40) {
            ascii = ascii.substring(0, 40).replaceAll("-$", "");
        }
        return "measure-" + m.position() + (ascii.isEmpty() ? "" : "-" + ascii) + ".png";
    }
}
