package uk.stepup.summaries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.stepup.checkins.Checkin;
import uk.stepup.checkins.CheckinRepository;
import uk.stepup.checkins.HighlightShare;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.ProgrammeCalendar;
import uk.stepup.curriculum.Curriculum;
import uk.stepup.curriculum.CurriculumItem;
import uk.stepup.measures.CohortMeasures;
import uk.stepup.shared.Rating;
import uk.stepup.tasks.Task;
import uk.stepup.tasks.TaskRepository;

/** Builds the summary of one programme week from what is stored. Only consented highlights are included. */
public final class WeeklySummaryBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(WeeklySummaryBuilder.class);
    private final CohortRepository cohorts;
    private final HomeRepository homes;
    private final CheckinRepository checkins;
    private final Map<String, Curriculum> curricula;
    private final Optional<CohortMeasures> measures;
    private final Optional<TaskRepository> tasks;
    private final java.time.Clock clock;

    public WeeklySummaryBuilder(CohortRepository cohorts, HomeRepository homes, CheckinRepository checkins,
                                Map<String, Curriculum> curricula) {
        this(cohorts, homes, checkins, curricula, Optional.empty());
    }

    /** With {@code measures}, each summary carries the cohort's measures up to that week. */
    public WeeklySummaryBuilder(CohortRepository cohorts, HomeRepository homes, CheckinRepository checkins,
                                Map<String, Curriculum> curricula, Optional<CohortMeasures> measures) {
        this(cohorts, homes, checkins, curricula, measures, Optional.empty(), java.time.Clock.systemUTC());
    }

    /** With the cohort's tasks counted as of the clock. */
    public WeeklySummaryBuilder(CohortRepository cohorts, HomeRepository homes, CheckinRepository checkins,
                                Map<String, Curriculum> curricula, Optional<CohortMeasures> measures,
                                Optional<TaskRepository> tasks, java.time.Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
        this.cohorts = cohorts;
        this.homes = homes;
        this.checkins = checkins;
        this.curricula = Map.copyOf(curricula);
        this.measures = measures;
    }

    public WeeklySummary build(Cohort cohort, int week) {
        List<String> codes = cohorts.items(cohort.id());
        Curriculum curriculum = curricula.get(cohort.framework());
        CurriculumItem item = item(curriculum, codes.get(week - 1));
        List<Home> enrolled = homes.inCohort(cohort.id());
        Map<Long, Home> byId = new java.util.HashMap<>();
        enrolled.forEach(h -> byId.put(h.id(), h));
        List<Checkin> received = checkins.forCohortWeek(cohort.id(), week);
        int onTime = 0;
        int late = 0;
        Map<Rating, Integer> spread = new EnumMap<>(Rating.class);
        List<WeeklySummary.SharedHighlight> highlights = new ArrayList<>();
        for (Checkin c : received) {
            if (c.late()) {
                late++;
            } else {
                onTime++;
            }
            spread.merge(c.answers().rating(), 1, Integer::sum);
            if (c.answers().highlight().isPresent() && c.share() != HighlightShare.NONE) {
                Optional<String> name = c.share() == HighlightShare.NAMED
                        ? Optional.ofNullable(byId.get(c.homeId())).map(Home::name) : Optional.empty();
                highlights.add(new WeeklySummary.SharedHighlight(name, c.answers().highlight().get()));
            }
        }
        boolean last = week >= codes.size();
        Optional<CurriculumItem> next = last ? Optional.empty() : Optional.of(item(curriculum, codes.get(week)));
        return new WeeklySummary(cohort.id(), cohort.name(), week, item.code(), item.title(), enrolled.size(), onTime,
                late, Math.max(0, enrolled.size() - received.size()), spread, highlights,
                next.map(CurriculumItem::code), next.map(CurriculumItem::title), last,
                heatmap(cohort, week, codes, enrolled), measures(cohort, week, codes.size()),
                taskTally(cohort, enrolled));
    }

    /** Done, overdue and pending per task and home, over every task set so far; empty when there are none. */
    private Optional<WeeklySummary.TaskTally> taskTally(Cohort cohort, List<Home> enrolled) {
        if (tasks.isEmpty()) {
            return Optional.empty();
        }
        List<Task> set = tasks.get().forCohort(cohort.id());
        if (set.isEmpty()) {
            return Optional.empty();
        }
        java.util.Set<String> done = new java.util.HashSet<>();
        tasks.get().doneInCohort(cohort.id()).forEach(d -> done.add(d.taskId() + ":" + d.homeId()));
        int doneCount = 0;
        int overdue = 0;
        int pending = 0;
        java.time.Instant now = clock.instant();
        for (Task t : set) {
            for (Home h : enrolled) {
                switch (t.stateFor(done.contains(t.id() + ":" + h.id()), now, cohort.zone())) {
                    case DONE -> doneCount++;
                    case OVERDUE -> overdue++;
                    case PENDING -> pending++;
                }
            }
        }
        return Optional.of(new WeeklySummary.TaskTally(set.size(), doneCount, overdue, pending));
    }

    /**
     * Homes × the KLOEs so far, coloured by self-rating. Homes are labelled and ordered by {@link HomeLabels}: by
     * name only if the home chose to share a highlight with its name, else "Home" and a letter that stays the same
     * all programme long and in the outcome report.
     */
    Heatmap heatmap(Cohort cohort, int week, List<String> codes, List<Home> enrolled) {
        List<String> columns = codes.subList(0, week);
        Map<Long, Map<Integer, Rating>> ratings = new java.util.HashMap<>();
        List<Checkin> all = checkins.forCohort(cohort.id());
        for (Checkin c : all) {
            if (c.week() <= week) {
                ratings.computeIfAbsent(c.homeId(), k -> new java.util.HashMap<>()).put(c.week(), c.answers().rating());
            }
        }
        HomeLabels labels = HomeLabels.of(cohort, enrolled, all);
        List<HeatmapRow> rows = new ArrayList<>();
        for (Home h : labels.inOrder()) {
            Map<Integer, Rating> mine = ratings.getOrDefault(h.id(), Map.of());
            List<Optional<Rating>> cells = new ArrayList<>();
            for (int w = 1; w <= week; w++) {
                cells.add(Optional.ofNullable(mine.get(w)));
            }
            rows.add(new HeatmapRow(labels.label(h), cells, false));
        }
        return new Heatmap(cohort.name() + ": self-ratings so far", "Weeks 1 to " + week + ", one row per home", columns, rows);
    }

    /**
     * The cohort's measures up to the week's Monday (the periods its homes could have entered by then). A chart that
     * cannot be drawn is logged and left out: it must never stop the week's summary.
     */
    private Optional<CohortMeasures.Digest> measures(Cohort cohort, int week, int weeks) {
        if (measures.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<LocalDate> monday = ProgrammeCalendar.of(cohort, weeks, cohorts.breaks(cohort.id())).weekStart(week);
            return monday.flatMap(m -> measures.get().digest(cohort, week, m));
        } catch (RuntimeException e) {
            LOG.warn("The week {} summary of cohort {} goes out without its measures: {}", week, cohort.id(), e.toString());
            return Optional.empty();
        }
    }

    private static CurriculumItem item(Curriculum curriculum, String code) {
        return curriculum.byCode(code).orElseThrow(() -> new IllegalStateException(
                "The curriculum has no item " + code + "; run validate"));
    }
}
