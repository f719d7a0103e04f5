package uk.stepup.summaries;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private final Clock clock;
    private final Optional<SharedChanges> changes;

    public WeeklySummaryBuilder(
            CohortRepository cohorts,
            HomeRepository homes,
            CheckinRepository checkins,
            Map<String, Curriculum> curricula) {
        this(cohorts, homes, checkins, curricula, Optional.empty());
    }

    /** With {@code measures}, each summary carries the cohort's measures up to that week. */
    public WeeklySummaryBuilder(
            CohortRepository cohorts,
            HomeRepository homes,
            CheckinRepository checkins,
            Map<String, Curriculum> curricula,
            Optional<CohortMeasures> measures) {
        this(cohorts, homes, checkins, curricula, measures, Optional.empty(), Clock.systemUTC());
    }

    /** With the cohort's tasks counted as of the clock. */
    public WeeklySummaryBuilder(
            CohortRepository cohorts,
            HomeRepository homes,
            CheckinRepository checkins,
            Map<String, Curriculum> curricula,
            Optional<CohortMeasures> measures,
            Optional<TaskRepository> tasks,
            Clock clock) {
        this(cohorts, homes, checkins, curricula, measures, tasks, clock, Optional.empty());
    }

    /** With the PDSA cycles homes shared: changes being tested and adopted ({@link SharedChanges}). */
    public WeeklySummaryBuilder(
            CohortRepository cohorts,
            HomeRepository homes,
            CheckinRepository checkins,
            Map<String, Curriculum> curricula,
            Optional<CohortMeasures> measures,
            Optional<TaskRepository> tasks,
            Clock clock,
            Optional<SharedChanges> changes) {
        this.changes = changes;
        this.tasks = tasks;
        this.clock = clock;
        this.cohorts = cohorts;
        this.homes = homes;
        this.checkins = checkins;
        this.curricula = Map.copyOf(curricula);
        this.measures = measures;
    }

    public WeeklySummary build(Cohort cohort, int week) {
        return build(cohort, week, homes.inCohort(cohort.id()), checkins.ratedInCohort(cohort.id()));
    }

    /**
     * The summary of the week, for the cohort's homes and its check-ins' ratings ({@link CheckinRepository#ratedInCohort})
     * as the caller has just read them.
     */
    public WeeklySummary build(Cohort cohort, int week, List<Home> enrolled, List<CheckinRepository.Rated> rated) {
        List<String> codes = cohorts.items(cohort.id());
        Curriculum curriculum = curricula.get(cohort.framework());
        CurriculumItem item = item(curriculum, codes.get(week - 1));
        Map<Long, Home> byId = new HashMap<>();
        enrolled.forEach(h -> byId.put(h.id(), h));
        // The week's counts come from the check-ins' ratings, without their text; only shared highlights are read.
        int onTime = 0;
        int late = 0;
        Map<Rating, Integer> spread = new EnumMap<>(Rating.class);
        for (CheckinRepository.Rated c : rated) {
            if (c.week() != week) {
                continue;
            }
            if (c.late()) {
                late++;
            } else {
                onTime++;
            }
            spread.merge(c.rating(), 1, Integer::sum);
        }
        List<WeeklySummary.SharedHighlight> highlights = new ArrayList<>();
        for (CheckinRepository.Highlight h : checkins.sharedHighlights(cohort.id(), week)) {
            Optional<String> name = h.share() == HighlightShare.NAMED
                    ? Optional.ofNullable(byId.get(h.homeId())).map(Home::name)
                    : Optional.empty();
            highlights.add(new WeeklySummary.SharedHighlight(name, h.text()));
        }
        List<WeeklySummary.SharedHighlight> shown = HighlightPick.of(highlights, cohort.id(), week);
        boolean last = week >= codes.size();
        Optional<CurriculumItem> next = last ? Optional.empty() : Optional.of(item(curriculum, codes.get(week)));
        return new WeeklySummary(
                cohort.id(),
                cohort.name(),
                week,
                item.code(),
                item.title(),
                enrolled.size(),
                onTime,
                late,
                Math.max(0, enrolled.size() - onTime - late),
                spread,
                shown,
                highlights.size() - shown.size(),
                next.map(CurriculumItem::code),
                next.map(CurriculumItem::title),
                last,
                heatmap(cohort, week, codes, enrolled, rated),
                measures(cohort, week, codes.size()),
                taskTally(cohort, enrolled),
                changes(cohort, enrolled));
    }

    /** The cycles homes shared; a failure to read them is logged and must never stop the week's summary. */
    private Optional<WeeklySummary.Changes> changes(Cohort cohort, List<Home> enrolled) {
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        try {
            return changes.get().of(cohort, enrolled);
        } catch (RuntimeException e) {
            LOG.warn("A summary of cohort {} goes out without its shared changes: {}", cohort.id(), e.toString());
            return Optional.empty();
        }
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
        Map<Long, Set<Long>> doneBy = tasks.get().homesDone(cohort.id());
        int doneCount = 0;
        int overdue = 0;
        int pending = 0;
        Instant now = clock.instant();
        for (Task t : set) {
            Set<Long> did = doneBy.getOrDefault(t.id(), Set.of());
            int done = 0;
            for (Home h : enrolled) {
                done += did.contains(h.id()) ? 1 : 0;
            }
            doneCount += done;
            // A home that has not done the task is pending or overdue, the same for every such home.
            switch (t.stateFor(false, now, cohort.zone())) {
                case OVERDUE -> overdue += enrolled.size() - done;
                case PENDING -> pending += enrolled.size() - done;
                case DONE -> throw new IllegalStateException("A task not done cannot be done");
            }
        }
        return Optional.of(new WeeklySummary.TaskTally(set.size(), doneCount, overdue, pending));
    }

    /**
     * Homes × the KLOEs so far, coloured by self-rating. Homes are labelled and ordered by {@link HomeLabels}: by
     * name only if the home chose to share a highlight with its name, else "Home" and a letter that stays the same
     * all programme long and in the outcome report.
     */
    Heatmap heatmap(
            Cohort cohort, int week, List<String> codes, List<Home> enrolled, List<CheckinRepository.Rated> rated) {
        List<String> columns = codes.subList(0, week);
        Map<Long, Rating[]> ratings = new HashMap<>();
        Set<Long> named = new HashSet<>();
        for (CheckinRepository.Rated c : rated) {
            if (c.share() == HighlightShare.NAMED) {
                named.add(c.homeId());
            }
            if (c.week() <= week) {
                ratings.computeIfAbsent(c.homeId(), k -> new Rating[week])[c.week() - 1] = c.rating();
            }
        }
        HomeLabels labels = HomeLabels.withNamed(cohort, enrolled, named);
        List<HeatmapRow> rows = new ArrayList<>();
        for (Home h : labels.inOrder()) {
            Rating[] mine = ratings.get(h.id());
            List<Optional<Rating>> cells = new ArrayList<>(week);
            for (int w = 0; w < week; w++) {
                cells.add(mine == null ? Optional.empty() : Optional.ofNullable(mine[w]));
            }
            rows.add(new HeatmapRow(labels.label(h), cells, false));
        }
        String subtitle = rows.size() > Heatmap.ROWS_DRAWN_MAX
                ? String.format(
                        Locale.UK, "Weeks 1 to %d, the share of %,d homes at each self-rating", week, rows.size())
                : "Weeks 1 to " + week + ", one row per home";
        return new Heatmap(cohort.name() + ": self-ratings so far", subtitle, columns, rows);
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
            Optional<LocalDate> monday = ProgrammeCalendar.of(cohort, weeks, cohorts.breaks(cohort.id()))
                    .weekStart(week);
            return monday.flatMap(m -> measures.get().digest(cohort, week, m));
        } catch (RuntimeException e) {
            LOG.warn(
                    "The week {} summary of cohort {} goes out without its measures: {}",
                    week,
                    cohort.id(),
                    e.toString());
            return Optional.empty();
        }
    }

    private static CurriculumItem item(Curriculum curriculum, String code) {
        return curriculum
                .byCode(code)
                .orElseThrow(() -> new IllegalStateException("The curriculum has no item " + code + "; run validate"));
    }
}
