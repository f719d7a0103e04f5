package uk.stepup.summaries;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import uk.stepup.checkins.Checkin;
import uk.stepup.checkins.CheckinRepository;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.ProgrammeCalendar;
import uk.stepup.curriculum.Curriculum;
import uk.stepup.curriculum.CurriculumItem;
import uk.stepup.deliveries.DeliveryLedger;
import uk.stepup.improvement.AimRepository;
import uk.stepup.improvement.CycleRepository;
import uk.stepup.improvement.ProgressScoreRepository;
import uk.stepup.improvement.RecalculationRepository;
import uk.stepup.measures.Measure;
import uk.stepup.measures.MeasureRepository;
import uk.stepup.measures.MeasureValue;

/**
 * Reads a cohort's {@link ProgrammeHistory} as of the clock.
 *
 * <p>Which weeks have run: every week whose prompt the delivery ledger records (posted, or skipped because the bot
 * was down past its window), every week someone checked in for, and, while the cohort has not ended, every week the
 * calendar has started by now. A cohort ended early therefore stops at the last week that really ran.
 */
public final class ProgrammeHistoryLoader {
    private final CohortRepository cohorts;
    private final HomeRepository homes;
    private final CheckinRepository checkins;
    private final DeliveryLedger ledger;
    private final ReportQueries queries;
    private final MeasureRepository measures;
    private final Supplier<Map<String, Curriculum>> curricula;
    private final Clock clock;
    private final Optional<ImprovementSource> improvement;

    /** Where the homes' improvement work is read from. */
    public record ImprovementSource(
            AimRepository aims,
            CycleRepository cycles,
            RecalculationRepository recalculations,
            ProgressScoreRepository scores) {}

    public ProgrammeHistoryLoader(
            CohortRepository cohorts,
            HomeRepository homes,
            CheckinRepository checkins,
            DeliveryLedger ledger,
            ReportQueries queries,
            MeasureRepository measures,
            Supplier<Map<String, Curriculum>> curricula,
            Clock clock) {
        this.cohorts = cohorts;
        this.homes = homes;
        this.checkins = checkins;
        this.ledger = ledger;
        this.queries = queries;
        this.measures = measures;
        this.curricula = curricula;
        this.clock = clock;
        this.improvement = Optional.empty();
    }

    private ProgrammeHistoryLoader(ProgrammeHistoryLoader base, ImprovementSource improvement) {
        this.cohorts = base.cohorts;
        this.homes = base.homes;
        this.checkins = base.checkins;
        this.ledger = base.ledger;
        this.queries = base.queries;
        this.measures = base.measures;
        this.curricula = base.curricula;
        this.clock = base.clock;
        this.improvement = Optional.of(improvement);
    }

    /** The same reader that also reads the homes' aims, cycles, recalculations and progress scores. */
    public ProgrammeHistoryLoader withImprovement(ImprovementSource source) {
        return new ProgrammeHistoryLoader(this, source);
    }

    public ProgrammeHistory load(Cohort given) {
        Cohort cohort = cohorts.byId(given.id()).orElse(given);
        Instant now = clock.instant();
        List<String> codes = cohorts.items(cohort.id());
        Curriculum curriculum = curricula.get().get(cohort.framework());
        if (curriculum == null) {
            throw new IllegalStateException("No curriculum for the framework " + cohort.framework() + "; run validate");
        }
        List<CurriculumItem> items = new ArrayList<>();
        for (String code : codes) {
            items.add(curriculum
                    .byCode(code)
                    .orElseThrow(
                            () -> new IllegalStateException("The curriculum has no item " + code + "; run validate")));
        }

        Map<Long, Map<Integer, Checkin>> byHome = new HashMap<>();
        int run = 0;
        for (Checkin c : checkins.forCohort(cohort.id())) {
            byHome.computeIfAbsent(c.homeId(), k -> new TreeMap<>()).put(c.week(), c);
            run = Math.max(run, c.week());
        }
        for (DeliveryLedger.Entry e : ledger.forCohort(cohort.id(), DeliveryLedger.Kind.PROMPT)) {
            run = Math.max(run, e.key().week());
        }
        ProgrammeCalendar cal = ProgrammeCalendar.of(cohort, cohorts);
        if (cohort.status() != Cohort.Status.ENDED) {
            run = Math.max(run, cal.currentWeek(now).orElse(0));
        }
        run = Math.min(run, codes.size());

        List<ProgrammeHistory.Week> weeks = new ArrayList<>();
        for (int n = 1; n <= run; n++) {
            Optional<Instant> closes = cal.closeAt(n);
            boolean closed = cohort.status() == Cohort.Status.ENDED
                    || n < run
                    || closes.map(t -> !t.isAfter(now)).orElse(false);
            weeks.add(new ProgrammeHistory.Week(n, items.get(n - 1), cal.weekStart(n), closes, closed));
        }
        List<Home> enrolled = homes.inCohort(cohort.id());
        Set<Long> homeIds = new HashSet<>();
        enrolled.forEach(h -> homeIds.add(h.id()));
        List<Measure> cohortMeasures = measures.inCohort(cohort.id());
        List<MeasureValue> values = new ArrayList<>();
        for (Measure m : cohortMeasures) {
            measures.forMeasure(m.id()).stream()
                    .filter(v -> homeIds.contains(v.homeId()))
                    .forEach(values::add);
        }
        return new ProgrammeHistory(
                cohort,
                items,
                weeks,
                enrolled,
                byHome,
                queries.enrolledAt(cohort.id()),
                queries.tasks(cohort.id()),
                queries.sessions(cohort.id()),
                cohortMeasures,
                values,
                now,
                improvement.map(src -> improvementOf(src, cohort.id(), homeIds)).orElse(ImprovementHistory.none()));
    }

    private static ImprovementHistory improvementOf(ImprovementSource src, long cohortId, Set<Long> homeIds) {
        return new ImprovementHistory(
                src.aims().inCohort(cohortId).stream()
                        .filter(a -> homeIds.contains(a.homeId()))
                        .toList(),
                src.cycles().inCohort(cohortId).stream()
                        .filter(c -> homeIds.contains(c.homeId()))
                        .toList(),
                src.recalculations().inCohort(cohortId).stream()
                        .filter(r -> homeIds.contains(r.homeId()))
                        .toList(),
                src.scores().inCohort(cohortId).stream()
                        .filter(p -> homeIds.contains(p.homeId()))
                        .toList());
    }
}
