package uk.stepup.portfolio;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import uk.stepup.checkins.Checkin;
import uk.stepup.checkins.CheckinRepository;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.ManagedHomes;
import uk.stepup.cohorts.ProgrammeCalendar;
import uk.stepup.curriculum.Curriculum;
import uk.stepup.curriculum.CurriculumItem;
import uk.stepup.improvement.Aim;
import uk.stepup.improvement.AimRepository;
import uk.stepup.improvement.CycleRepository;
import uk.stepup.improvement.PdsaCycle;
import uk.stepup.measures.HomeChartNotes;
import uk.stepup.measures.Measure;
import uk.stepup.measures.MeasureChart;
import uk.stepup.measures.MeasureRepository;
import uk.stepup.measures.MeasureSpc;
import uk.stepup.measures.MeasureValue;
import uk.stepup.measures.Numbers;
import uk.stepup.measures.SpcWords;
import uk.stepup.measures.spc.Observation;
import uk.stepup.measures.spc.SpcChart;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.shared.Actor;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Outcome;
import uk.stepup.shared.Rating;
import uk.stepup.shared.UserText;
import uk.stepup.summaries.ImprovementReportBuilder;
import uk.stepup.summaries.KloeRollUp;
import uk.stepup.summaries.RatingJourney;

/**
 * Builds a home's evidence portfolio from what is stored, reading only that home's rows (its check-ins, measure
 * values, aims and cycles) and the cohort's shared definitions (curriculum order, measures). {@link #build} makes the
 * values; {@link #forPerson} checks who may have which home's portfolio and lays it out as a file.
 */
public final class PortfolioService {
    /** Home names listed in a message before "…and N more". */
    static final int NAMES_LISTED = 25;

    private final CohortRepository cohorts;
    private final HomeRepository homes;
    private final CheckinRepository checkins;
    private final Supplier<Map<String, Curriculum>> curricula;
    private final MeasureRepository measures;
    private final AimRepository aims;
    private final CycleRepository cycles;
    private final HomeChartNotes chartNotes;
    private final ItemMapping mapping;
    private final PortfolioActions actions;
    private final PortfolioRenderer renderer;
    private final PrivacyGuard guard;
    private final Clock clock;

    /**
     * @param chartNotes what the home added to its charts (aim target, recalculations, cycle markers)
     * @param mapping    the crosswalk between frameworks, for reading a portfolio under another framework
     * @param actions    where the actions come from (the check-ins' next steps until actions are followed through)
     * @param guard      so that a reply never repeats an identifier someone typed as a home's name
     */
    public PortfolioService(
            CohortRepository cohorts,
            HomeRepository homes,
            CheckinRepository checkins,
            Supplier<Map<String, Curriculum>> curricula,
            MeasureRepository measures,
            AimRepository aims,
            CycleRepository cycles,
            HomeChartNotes chartNotes,
            ItemMapping mapping,
            PortfolioActions actions,
            PortfolioRenderer renderer,
            PrivacyGuard guard,
            Clock clock) {
        this.cohorts = cohorts;
        this.homes = homes;
        this.checkins = checkins;
        this.curricula = curricula;
        this.measures = measures;
        this.aims = aims;
        this.cycles = cycles;
        this.chartNotes = chartNotes;
        this.mapping = mapping;
        this.actions = actions;
        this.renderer = renderer;
        this.guard = guard;
        this.clock = clock;
    }

    /** The frameworks a portfolio can be read under. */
    public List<String> frameworks() {
        return curricula.get().keySet().stream().sorted().toList();
    }

    /**
     * The home's portfolio as of now, read under {@code framework} (default: the cohort's).
     *
     * @throws IllegalArgumentException when the framework is not one of {@link #frameworks()}
     */
    public Portfolio build(Cohort cohort, Home home, Optional<String> framework) {
        if (home.cohortId() != cohort.id()) {
            throw new IllegalArgumentException(home.name() + " is not a home of " + cohort.name());
        }
        Map<String, Curriculum> all = curricula.get();
        String view = framework.map(f -> f.strip().toLowerCase(Locale.ROOT)).orElse(cohort.framework());
        Curriculum under = all.get(view);
        if (under == null) {
            throw new IllegalArgumentException("There is no framework called \"" + framework.orElse(view)
                    + "\". Known: " + String.join(", ", frameworks()) + ".");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, cohort.zone());
        ProgrammeCalendar calendar = ProgrammeCalendar.of(cohort, cohorts);
        int weeksRun = calendar.currentWeek(now).orElse(0);

        List<Checkin> mine = checkins.forHome(home.id()).stream()
                .filter(c -> c.homeId() == home.id())
                .sorted(Comparator.comparingInt(Checkin::week))
                .toList();
        Map<String, List<Evidence>> byItem = new HashMap<>();
        for (Checkin c : mine) {
            Evidence e = evidence(c, cohort);
            for (String code : mapping.map(c.framework(), c.code(), view)) {
                byItem.computeIfAbsent(key(code), k -> new ArrayList<>()).add(e);
            }
        }
        List<KeyQuestionSection> sections = new ArrayList<>();
        for (KeyQuestion kq : KeyQuestion.values()) {
            Optional<Rating> baseline = home.baseline().of(kq);
            List<PortfolioItem> items = new ArrayList<>();
            List<Rating> latest = new ArrayList<>();
            for (CurriculumItem item : under.items()) {
                if (item.keyQuestion() != kq) {
                    continue;
                }
                List<Evidence> entries = byItem.getOrDefault(key(item.code()), List.of());
                PortfolioItem p = new PortfolioItem(
                        item.code(),
                        kq,
                        item.title(),
                        entries,
                        EvidenceGaps.of(item.code(), item.title(), kq, entries, baseline, today));
                p.latest().ifPresent(e -> latest.add(e.rating()));
                items.add(p);
            }
            sections.add(new KeyQuestionSection(kq, baseline, KloeRollUp.rollUp(latest), items));
        }

        List<PdsaCycle> homeCycles = cycles.forHome(home.id()).stream()
                .filter(c -> c.homeId() == home.id())
                .toList();
        return new Portfolio(
                home.name(),
                cohort.name(),
                view,
                cohort.framework(),
                today,
                cohort.startDate(),
                weeksRun,
                calendar.weeks(),
                sections,
                journey(cohort, home, mine),
                actions.forHome(home, mine),
                actions.source(),
                measures(cohort, home, homeCycles),
                homeCycles,
                PirDraft.from(sections));
    }

    private static Evidence evidence(Checkin c, Cohort cohort) {
        return new Evidence(
                c.week(),
                LocalDate.ofInstant(c.submittedAt(), cohort.zone()),
                c.code(),
                c.answers().rating(),
                c.answers().didThisWeek(),
                c.answers().evidence(),
                c.answers().nextStep(),
                c.answers().highlight(),
                c.late());
    }

    private static String key(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }

    /** The self-rating journey chart's values: each week's self-rating, by key question, against the baseline. */
    private RatingJourney journey(Cohort cohort, Home home, List<Checkin> mine) {
        List<String> codes = cohorts.items(cohort.id());
        int upTo = Math.min(
                codes.size(), mine.stream().mapToInt(Checkin::week).max().orElse(0));
        Map<Integer, Rating> byWeek = mine.stream()
                .collect(Collectors.toMap(Checkin::week, c -> c.answers().rating(), (a, b) -> b));
        List<Optional<Rating>> ratings = new ArrayList<>();
        for (int w = 1; w <= upTo; w++) {
            ratings.add(Optional.ofNullable(byWeek.get(w)));
        }
        return RatingJourney.of(
                home.name() + ": self-assessment journey",
                "Each week's self-rating; dashed line: CQC rating when the home joined",
                codes,
                ratings,
                home.baseline().byKeyQuestion());
    }

    private List<MeasureSection> measures(Cohort cohort, Home home, List<PdsaCycle> homeCycles) {
        List<Measure> defined = measures.inCohort(cohort.id());
        if (defined.isEmpty()) {
            return List.of();
        }
        Map<Long, List<MeasureValue>> values = measures.forHome(home.id()).stream()
                .filter(v -> v.homeId() == home.id())
                .sorted(Comparator.comparing(MeasureValue::period))
                .collect(Collectors.groupingBy(MeasureValue::measureId));
        Map<Long, Aim> aimOf = aims.forHome(home.id()).stream()
                .filter(a -> a.homeId() == home.id())
                .collect(Collectors.toMap(Aim::measureId, a -> a, (a, b) -> b));
        List<MeasureSection> out = new ArrayList<>();
        for (Measure m : defined) {
            List<MeasureValue> mv = values.getOrDefault(m.id(), List.of());
            List<Observation> obs =
                    mv.stream().map(v -> new Observation(v.period(), v.value())).toList();
            HomeChartNotes.Notes notes = chartNotes.forHome(home.id(), m);
            Optional<SpcChart> spc = MeasureSpc.chart(m, obs, cohort.startDate(), notes);
            LocalDate first = m.frequency().periodOf(cohort.startDate());
            boolean history = obs.stream().anyMatch(o -> o.date().isBefore(first));
            OptionalDouble target = notes.aimTarget().isPresent() ? notes.aimTarget() : m.target();
            MeasureChart chart = new MeasureChart(
                    m.name(),
                    home.name() + " · " + m.definition(),
                    m.frequency(),
                    spc,
                    List.of(),
                    history ? Optional.of(first) : Optional.empty(),
                    notes.aim().map(a -> "Aim: " + a).orElse(""),
                    notes.markers(),
                    notes.aimTarget().isPresent());
            String latest = latest(m, mv);
            out.add(new MeasureSection(
                    m,
                    mv,
                    latest,
                    spc.map(c -> SpcWords.variation(c.variationIcon())
                            + ImprovementReportBuilder.recalculated(m, c)
                                    .map(r -> " (" + r + ")")
                                    .orElse("")),
                    spc.filter(c -> target.isPresent())
                            .map(c -> SpcWords.assurance(c.assurance(), m.direction(), true)
                                    .replace("the target", "the " + chart.targetName())),
                    chart,
                    Optional.ofNullable(aimOf.get(m.id())),
                    homeCycles.stream()
                            .filter(c ->
                                    c.measureId().isPresent() && c.measureId().getAsLong() == m.id())
                            .toList()));
        }
        return out;
    }

    /** "Latest 3, week of 15 Feb 2027 · 24 values", or "No values yet." */
    private static String latest(Measure m, List<MeasureValue> values) {
        if (values.isEmpty()) {
            return "No values yet.";
        }
        MeasureValue v = values.get(values.size() - 1);
        return "Latest " + Numbers.format(v.value()) + ", " + m.frequency().label(v.period()) + " · " + values.size()
                + (values.size() == 1 ? " value (a chart needs two)" : " values");
    }

    /** What {@code /portfolio} gives: a sentence, and the file when allowed. */
    public record Result(Outcome outcome, Optional<PortfolioFile> file) {}

    /** The portfolio as a file to attach. */
    public record PortfolioFile(String fileName, byte[] bytes) {}

    /**
     * {@code /portfolio [home]}: a home's managers get their own home's portfolio (the home may be left out); a coach
     * gets any home of the cohorts on their server, named. Checked here, whatever Discord showed.
     */
    public Result forPerson(Actor actor, Optional<String> homeName) {
        return forPerson(actor, homeName, Optional.empty());
    }

    /**
     * As {@link #forPerson(Actor, Optional)}, read under {@code framework} (one of {@link #frameworks()}; empty for
     * the cohort's own).
     */
    public Result forPerson(Actor actor, Optional<String> homeName, Optional<String> framework) {
        if (framework.isPresent() && !frameworks().contains(framework.get())) {
            return new Result(
                    Outcome.invalid(
                            "There is no framework of that name. Known: " + String.join(", ", frameworks()) + "."),
                    Optional.empty());
        }
        List<Cohort> here = cohorts.inGuild(actor.guildId());
        Optional<Home> own = ManagedHomes.current(homes, cohorts, actor, false);
        Optional<String> wanted = homeName.map(String::strip).filter(n -> !n.isEmpty());
        Home home;
        if (wanted.isEmpty()) {
            if (own.isPresent()) {
                home = own.get();
            } else if (actor.coach()) {
                return new Result(
                        Outcome.invalid("Name the home: `/portfolio home:NAME`. " + homeList(here)), Optional.empty());
            } else {
                return new Result(
                        Outcome.refused("You are not enrolled as a manager of a home yet, so there is no portfolio"
                                + " to download. Ask your coach to enrol you."),
                        Optional.empty());
            }
        } else {
            Optional<Home> named = here.stream()
                    .sorted(Comparator.comparingLong(Cohort::id).reversed())
                    .map(c -> homes.byName(c.id(), wanted.get()))
                    .flatMap(Optional::stream)
                    .filter(h -> !actor.coach() && own.isPresent()
                            ? h.id() == own.get().id()
                            : true)
                    .findFirst();
            if (!actor.coach()) {
                if (own.isEmpty()) {
                    return new Result(
                            Outcome.refused("Only a home's managers (and the coaches) can download its portfolio, and"
                                    + " you are not enrolled as a manager of a home."),
                            Optional.empty());
                }
                if (named.isEmpty()) {
                    return new Result(
                            Outcome.refused("You can download only your own home's portfolio: leave out the home, or"
                                    + " name " + own.get().name() + "."),
                            Optional.empty());
                }
                home = named.get();
            } else if (named.isEmpty()) {
                return new Result(
                        Outcome.invalid("There is no home called "
                                + guard.quoted(UserText.oneLine(wanted.get()), "that")
                                + " in the cohorts on this server. " + homeList(here)),
                        Optional.empty());
            } else {
                home = named.get();
            }
        }
        Cohort cohort = cohorts.byId(home.cohortId()).orElseThrow();
        Portfolio p = build(cohort, home, framework);
        byte[] html = renderer.html(p).getBytes(StandardCharsets.UTF_8);
        long cited = p.items().stream().filter(i -> !i.entries().isEmpty()).count();
        String message = "Evidence portfolio of **" + home.name() + "** (" + cohort.name() + "), " + p.producedOn()
                + ": " + cited + " of " + p.items().size() + " items with check-ins, "
                + p.gaps().size()
                + (p.gaps().size() == 1 ? " gap" : " gaps")
                + " to look at, and a draft of your PIR answers to edit. Open the file in a browser; it prints on A4."
                + "\nIt holds the home's own check-ins: keep it within the home and the coaching team.";
        return new Result(Outcome.done(message), Optional.of(new PortfolioFile(fileName(home), html)));
    }

    /** "portfolio-oak-house.html". */
    public static String fileName(Home home) {
        String slug = home.slug().replaceAll("[^A-Za-z0-9-]", "");
        return "portfolio-" + (slug.isEmpty() ? "home-" + home.id() : slug) + ".html";
    }

    private String homeList(List<Cohort> here) {
        List<String> names = here.stream()
                .flatMap(c -> homes.inCohort(c.id()).stream())
                .map(Home::name)
                .distinct()
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .toList();
        if (names.isEmpty()) {
            return "No homes are enrolled on this server yet.";
        }
        String listed = String.join(", ", names.subList(0, Math.min(NAMES_LISTED, names.size())));
        return "Homes: " + listed
                + (names.size() > NAMES_LISTED ? " …and " + (names.size() - NAMES_LISTED) + " more." : ".");
    }
}
