package uk.stepup.measures;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.ManagedHomes;
import uk.stepup.measures.spc.Observation;
import uk.stepup.measures.spc.SpcChart;
import uk.stepup.shared.Actor;

/**
 * A home's own measures: each measure's values and control chart, for its managers only ({@code /measures}, and a
 * line in {@code /progress}). Nothing here is shared with the cohort, so nothing is suppressed. {@link #forManager}
 * returns values; the Discord side ({@code HomeMeasuresCommand}) writes the message and fits it to Discord's limits.
 */
public final class HomeMeasuresService {
    private final CohortRepository cohorts;
    private final HomeRepository homes;
    private final MeasureRepository measures;
    private final MeasureChartRenderer renderer;
    private final HomeChartNotes notes;

    /** Charts without a home's own notes (no aims, recalculations or changes). */
    public HomeMeasuresService(
            CohortRepository cohorts, HomeRepository homes, MeasureRepository measures, MeasureChartRenderer renderer) {
        this(cohorts, homes, measures, renderer, HomeChartNotes.NONE);
    }

    /** @param notes what each home added to its charts: aims, recalculations and changes */
    public HomeMeasuresService(
            CohortRepository cohorts,
            HomeRepository homes,
            MeasureRepository measures,
            MeasureChartRenderer renderer,
            HomeChartNotes notes) {
        this.cohorts = cohorts;
        this.homes = homes;
        this.measures = measures;
        this.renderer = renderer;
        this.notes = notes;
    }

    /**
     * One measure for one home: its values in period order, its chart (if there are 2 or more values) and what the
     * home added to it (its aim, recalculations and changes).
     */
    public record Status(
            Measure measure, List<MeasureValue> values, Optional<SpcChart> chart, HomeChartNotes.Notes notes) {
        public Status {
            values = List.copyOf(values);
            Objects.requireNonNull(notes, "notes");
        }

        /** Without notes of the home's own. */
        public Status(Measure measure, List<MeasureValue> values, Optional<SpcChart> chart) {
            this(measure, values, chart, HomeChartNotes.Notes.NONE);
        }

        /** "Aim: 9 → 5 by 30 Jun 2027, 'fewer night falls'", when the home has an aim for the measure. */
        public Optional<String> aimLine() {
            return notes.aim().map(a -> "Aim: " + a);
        }

        /** True when the chart's target line is the home's aim rather than the cohort's target. */
        public boolean aimed() {
            return notes.aimTarget().isPresent();
        }

        /** "Hit and miss against the aim" (or the target), when the chart has one. */
        Optional<String> assurance() {
            if (chart.isEmpty() || (measure.target().isEmpty() && !aimed())) {
                return Optional.empty();
            }
            String words = SpcWords.assurance(chart.get().assurance(), measure.direction(), true);
            return Optional.of(aimed() ? words.replace("the target", "the aim") : words);
        }

        public Optional<MeasureValue> latest() {
            return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
        }

        /**
         * "Latest 2, week of 15 Feb 2027 · Special cause improvement (lower) · Hit and miss against the target · 19
         * values", the latest value passed through {@code strong} (the adapter's emphasis).
         */
        public String line(UnaryOperator<String> strong) {
            if (latest().isEmpty()) {
                return "No values yet.";
            }
            MeasureValue v = latest().get();
            StringBuilder s = new StringBuilder("Latest ").append(strong.apply(Numbers.format(v.value())));
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
            assurance().ifPresent(a -> s.append(" · ").append(a));
            s.append(" · ").append(values.size()).append(" values");
            if (c.hasTrialLimits()) {
                s.append(", trial limits");
            }
            return s.toString();
        }

        /**
         * "latest 2 · Improvement · Hit and miss", the value through {@code strong}: for when many measures share a
         * message.
         */
        public String shortLine(UnaryOperator<String> strong) {
            if (latest().isEmpty()) {
                return "no values yet";
            }
            StringBuilder s = new StringBuilder("latest ")
                    .append(strong.apply(Numbers.format(latest().get().value())));
            chart.ifPresent(c -> {
                s.append(" · ").append(SpcWords.variationShort(c.variationIcon()));
                String assurance = SpcWords.assuranceShort(c.assurance());
                s.append(assurance.isEmpty() ? "" : " · " + assurance);
            });
            return s.toString();
        }
    }

    /** What {@code /measures} shows a manager. */
    public sealed interface View {}

    /** The person manages no home in a cohort; {@code coach} when they are a coach. */
    public record NotAManager(boolean coach) implements View {}

    /** The manager's cohort has no measures yet. */
    public record NoMeasures(String home, String cohort) implements View {}

    /** {@code home:} was given by someone who is not a coach. */
    public record CoachesOnly() implements View {}

    /** The home a coach named is not in this server's cohorts. */
    public record NoSuchHome() implements View {}

    /**
     * Each measure of the cohort with the home's values, and a chart for each (up to the number asked for).
     *
     * @param forCoach true when a coach asked for the home by name (not one of its managers)
     */
    public record Measures(String home, String cohort, List<Status> statuses, List<ChartImage> charts, boolean forCoach)
            implements View {
        public Measures {
            statuses = List.copyOf(statuses);
            charts = List.copyOf(charts);
        }

        /** As the home's manager sees it. */
        public Measures(String home, String cohort, List<Status> statuses, List<ChartImage> charts) {
            this(home, cohort, statuses, charts, false);
        }

        /** True when any measure has enough values for a chart. */
        public boolean anyChart() {
            return statuses.stream().anyMatch(st -> st.chart().isPresent());
        }
    }

    /** Every measure of the home's cohort with the home's values, in the cohort's order. */
    public List<Status> statuses(Cohort cohort, Home home) {
        Map<Long, List<MeasureValue>> byMeasure =
                measures.forHome(home.id()).stream().collect(Collectors.groupingBy(MeasureValue::measureId));
        List<Status> out = new ArrayList<>();
        for (Measure m : measures.inCohort(cohort.id())) {
            List<MeasureValue> values = byMeasure.getOrDefault(m.id(), List.of());
            HomeChartNotes.Notes own = notes.forHome(home.id(), m);
            out.add(new Status(m, values, MeasureSpc.chart(m, observations(values), cohort.startDate(), own), own));
        }
        return out;
    }

    static List<Observation> observations(List<MeasureValue> values) {
        return values.stream().map(v -> new Observation(v.period(), v.value())).toList();
    }

    /**
     * {@code /measures}: the manager's home's measures with at most {@code maxCharts} charts (the first measures'),
     * only for them.
     */
    public View forManager(Actor actor, int maxCharts) {
        Optional<Home> home = ManagedHomes.current(homes, cohorts, actor, false);
        if (home.isEmpty()) {
            return new NotAManager(actor.coach());
        }
        return view(home.get(), maxCharts, false);
    }

    /**
     * {@code /measures home:}: a coach looks at a home of one of this server's cohorts (the latest cohort's, when two
     * have a home of that name), as its managers see it.
     */
    public View forCoach(Actor actor, String homeName, int maxCharts) {
        if (!actor.coach()) {
            return new CoachesOnly();
        }
        String wanted = homeName == null ? "" : homeName.strip();
        Optional<Home> home = cohorts.inGuild(actor.guildId()).stream()
                .sorted(Comparator.comparingLong(Cohort::id).reversed())
                .flatMap(c -> homes.byName(c.id(), wanted).stream())
                .findFirst();
        return home.isEmpty() ? new NoSuchHome() : view(home.get(), maxCharts, true);
    }

    private View view(Home h, int maxCharts, boolean forCoach) {
        Cohort cohort = cohorts.byId(h.cohortId()).orElseThrow();
        List<Status> statuses = statuses(cohort, h);
        if (statuses.isEmpty()) {
            return new NoMeasures(h.name(), cohort.name());
        }
        List<ChartImage> charts = new ArrayList<>();
        for (Status st : statuses) {
            if (st.chart().isPresent() && charts.size() < maxCharts) {
                charts.add(new ChartImage(filename(st.measure()), renderer.measurePng(chart(cohort, h, st))));
            }
        }
        return new Measures(h.name(), cohort.name(), statuses, charts, forCoach);
    }

    /** The chart of one measure for one home. */
    public MeasureChart chart(Cohort cohort, Home home, Status st) {
        Measure m = st.measure();
        List<Observation> obs = observations(st.values());
        LocalDate first = m.frequency().periodOf(cohort.startDate());
        boolean history = obs.stream().anyMatch(o -> o.date().isBefore(first));
        String subtitle = home.name() + " · " + m.definition();
        String note = MeasureSpc.limitsNote(st.chart(), obs);
        List<LocalDate> recalculated = st.chart().isPresent()
                ? MeasureSpc.appliedRecalculations(obs, st.notes().recalculatedFrom())
                : List.of();
        if (!recalculated.isEmpty()) {
            String from = recalculated.stream()
                    .map(d -> (m.frequency() == Frequency.WEEKLY ? "the " : "")
                            + m.frequency().label(d))
                    .collect(Collectors.joining(" and "));
            note = (note.isEmpty() ? "" : note + " ") + "Limits recalculated from " + from
                    + ": each period has its own mean and limits.";
        }
        if (st.aimLine().isPresent()) {
            note = (note.isEmpty() ? "" : note + " ") + st.aimLine().get() + " (the target line).";
        }
        return new MeasureChart(
                m.name(),
                subtitle,
                m.frequency(),
                st.chart(),
                List.of(),
                history ? Optional.of(first) : Optional.<LocalDate>empty(),
                note,
                st.notes().markers(),
                st.aimed());
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
            st.aimLine().ifPresent(a -> {
                s.append("  ").append(a);
                st.assurance().ifPresent(w -> s.append(" · ").append(w));
                s.append('\n');
            });
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
