package uk.stepup.summaries;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import uk.stepup.checkins.Checkin;
import uk.stepup.cohorts.Home;
import uk.stepup.improvement.Aim;
import uk.stepup.improvement.PdsaCycle;
import uk.stepup.improvement.ProgressScore;
import uk.stepup.improvement.Recalculation;
import uk.stepup.measures.Measure;
import uk.stepup.measures.MeasureValue;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;

/** Turns a {@link ProgrammeHistory} into the export's tables, as {@link ExportColumns} defines them. */
public final class ExportBuilder {
    private ExportBuilder() {}

    public static CohortExport build(ProgrammeHistory h) {
        HomeLabels labels = HomeLabels.of(h);
        List<ExportTable> tables = new ArrayList<>();
        tables.add(homes(h, labels));
        tables.add(checkins(h));
        tables.add(tasks(h));
        tables.add(attendance(h));
        tables.add(measures(h));
        tables.add(aims(h));
        tables.add(cycles(h));
        tables.add(recalculations(h));
        tables.add(scores(h));
        return new CohortExport(
                h.cohort().name(),
                slug(h.cohort().name()),
                h.cohort().framework(),
                h.cohort().zone(),
                h.cohort().startDate(),
                h.cohort().status().name().toLowerCase(Locale.ROOT),
                h.weeksRun(),
                h.weeksPlanned(),
                h.asOf(),
                tables);
    }

    private static ExportTable homes(ProgrammeHistory h, HomeLabels labels) {
        List<List<Object>> rows = new ArrayList<>();
        for (Home home : h.homes()) {
            int onTime = 0;
            int late = 0;
            int missing = 0;
            for (ProgrammeHistory.Week w : h.weeks()) {
                switch (h.status(home, w)) {
                    case ON_TIME -> onTime += w.closed() ? 1 : 0;
                    case LATE -> late += w.closed() ? 1 : 0;
                    case MISSING -> missing++;
                    default -> {}
                }
            }
            List<Object> row = new ArrayList<>(Arrays.asList(
                    h.cohort().name(),
                    home.name(),
                    labels.label(home),
                    home.cqcLocationId().orElse(null),
                    home.managerIds().size(),
                    h.enrolledAt().get(home.id()),
                    rating(home.baseline().overall())));
            for (KeyQuestion kq : KeyQuestion.values()) {
                row.add(rating(home.baseline().of(kq)));
            }
            row.addAll(List.of(onTime, late, missing));
            rows.add(row);
        }
        return new ExportTable(ExportColumns.HOMES, ExportColumns.HOME_COLUMNS, rows);
    }

    private static ExportTable checkins(ProgrammeHistory h) {
        List<List<Object>> rows = new ArrayList<>();
        for (Home home : h.homes()) {
            for (ProgrammeHistory.Week w : h.weeks()) {
                Optional<Checkin> found = h.checkin(home.id(), w.number());
                WeekStatus status = h.status(home, w);
                List<Object> row = new ArrayList<>(Arrays.asList(
                        h.cohort().name(),
                        home.name(),
                        w.number(),
                        w.start().orElse(null),
                        found.map(Checkin::framework).orElse(w.item().framework()),
                        found.map(Checkin::code).orElse(w.item().code()),
                        w.item().keyQuestion().label(),
                        w.item().title(),
                        status.key()));
                if (found.isPresent()) {
                    Checkin c = found.get();
                    Rating r = c.answers().rating();
                    row.addAll(Arrays.asList(
                            r.key(),
                            r.score(),
                            c.answers().didThisWeek(),
                            c.answers().evidence().orElse(null),
                            c.answers().nextStep().orElse(null),
                            c.answers().highlight().orElse(null),
                            c.answers().highlight().isPresent()
                                    ? c.share().name().toLowerCase(Locale.ROOT)
                                    : null,
                            c.revisions(),
                            c.submittedAt(),
                            c.updatedAt()));
                } else {
                    row.addAll(Arrays.asList(null, null, null, null, null, null, null, 0, null, null));
                }
                rows.add(row);
            }
        }
        return new ExportTable(ExportColumns.CHECKINS, ExportColumns.CHECKIN_COLUMNS, rows);
    }

    private static ExportTable tasks(ProgrammeHistory h) {
        List<List<Object>> rows = new ArrayList<>();
        for (ReportQueries.TaskRecord t : h.tasks()) {
            for (Home home : h.homes()) {
                rows.add(Arrays.asList(
                        h.cohort().name(),
                        t.id(),
                        t.title(),
                        t.details().orElse(null),
                        t.dueDate(),
                        home.name(),
                        h.taskState(t, home).key(),
                        t.doneAt().get(home.id())));
            }
        }
        return new ExportTable(ExportColumns.TASKS, ExportColumns.TASK_COLUMNS, rows);
    }

    private static ExportTable attendance(ProgrammeHistory h) {
        List<List<Object>> rows = new ArrayList<>();
        for (ReportQueries.SessionRecord s : h.sessions()) {
            for (Home home : h.homes()) {
                int people = s.attendees().getOrDefault(home.id(), 0);
                rows.add(Arrays.asList(
                        h.cohort().name(), s.id(), s.title(), s.startsAt(), home.name(), people > 0, people));
            }
        }
        return new ExportTable(ExportColumns.ATTENDANCE, ExportColumns.ATTENDANCE_COLUMNS, rows);
    }

    private static ExportTable measures(ProgrammeHistory h) {
        Map<Long, String> names = new HashMap<>();
        h.homes().forEach(home -> names.put(home.id(), home.name()));
        Map<Long, Measure> byId = new HashMap<>();
        h.measures().forEach(m -> byId.put(m.id(), m));
        List<List<Object>> rows = new ArrayList<>();
        for (MeasureValue v : h.measureValues()) {
            Measure m = byId.get(v.measureId());
            rows.add(Arrays.asList(
                    h.cohort().name(),
                    names.get(v.homeId()),
                    m.name(),
                    m.definition(),
                    v.period(),
                    v.value(),
                    v.numerator().isPresent() ? v.numerator().getAsDouble() : null,
                    v.denominator().isPresent() ? v.denominator().getAsDouble() : null,
                    v.source().name().toLowerCase(Locale.ROOT),
                    v.week().isPresent() ? v.week().getAsInt() : null,
                    v.enteredAt()));
        }
        return new ExportTable(ExportColumns.MEASURES, ExportColumns.MEASURE_COLUMNS, rows);
    }

    private static Map<Long, String> homeNames(ProgrammeHistory h) {
        Map<Long, String> names = new HashMap<>();
        h.homes().forEach(home -> names.put(home.id(), home.name()));
        return names;
    }

    private static Map<Long, String> measureNames(ProgrammeHistory h) {
        Map<Long, String> names = new HashMap<>();
        h.measures().forEach(m -> names.put(m.id(), m.name()));
        return names;
    }

    private static ExportTable aims(ProgrammeHistory h) {
        Map<Long, String> homes = homeNames(h);
        Map<Long, String> measures = measureNames(h);
        List<List<Object>> rows = new ArrayList<>();
        for (Aim a : h.improvement().aims()) {
            rows.add(Arrays.asList(
                    h.cohort().name(),
                    homes.get(a.homeId()),
                    a.id(),
                    a.measureId(),
                    measures.get(a.measureId()),
                    a.from(),
                    a.to(),
                    a.by(),
                    a.words(),
                    a.setBy(),
                    a.setAt()));
        }
        return new ExportTable(ExportColumns.AIMS, ExportColumns.AIM_COLUMNS, rows);
    }

    private static ExportTable cycles(ProgrammeHistory h) {
        Map<Long, String> homes = homeNames(h);
        Map<Long, String> measures = measureNames(h);
        Map<Long, Integer> numbers = new HashMap<>();
        h.improvement().cycles().forEach(c -> numbers.put(c.id(), c.number()));
        List<List<Object>> rows = new ArrayList<>();
        for (PdsaCycle c : h.improvement().cycles()) {
            Long measure = c.measureId().isPresent() ? c.measureId().getAsLong() : null;
            Long previous = c.previousId().isPresent() ? c.previousId().getAsLong() : null;
            rows.add(Arrays.asList(
                    h.cohort().name(),
                    homes.get(c.homeId()),
                    c.id(),
                    c.number(),
                    measure,
                    measure == null ? null : measures.get(measure),
                    previous,
                    previous == null ? null : numbers.get(previous),
                    c.changeIdea(),
                    c.plan(),
                    c.prediction(),
                    c.start(),
                    c.plannedWeeks(),
                    c.plannedEnd(),
                    c.stage().name().toLowerCase(Locale.ROOT),
                    c.share().name().toLowerCase(Locale.ROOT),
                    c.done().map(PdsaCycle.Step::text).orElse(null),
                    c.done().map(PdsaCycle.Step::by).orElse(null),
                    c.done().map(PdsaCycle.Step::at).orElse(null),
                    c.studied().map(PdsaCycle.Step::text).orElse(null),
                    c.studied().map(PdsaCycle.Step::by).orElse(null),
                    c.studied().map(PdsaCycle.Step::at).orElse(null),
                    c.act()
                            .map(a -> a.decision().name().toLowerCase(Locale.ROOT))
                            .orElse(null),
                    c.act().map(PdsaCycle.Act::text).orElse(null),
                    c.act().map(PdsaCycle.Act::by).orElse(null),
                    c.act().map(PdsaCycle.Act::at).orElse(null),
                    c.createdBy(),
                    c.createdAt()));
        }
        return new ExportTable(ExportColumns.PDSA_CYCLES, ExportColumns.CYCLE_COLUMNS, rows);
    }

    private static ExportTable recalculations(ProgrammeHistory h) {
        Map<Long, String> homes = homeNames(h);
        Map<Long, String> measures = measureNames(h);
        List<List<Object>> rows = new ArrayList<>();
        for (Recalculation r : h.improvement().recalculations()) {
            rows.add(Arrays.asList(
                    h.cohort().name(),
                    homes.get(r.homeId()),
                    r.id(),
                    r.measureId(),
                    measures.get(r.measureId()),
                    r.from(),
                    r.reason(),
                    r.why(),
                    r.confirmedBy(),
                    r.confirmedAt(),
                    r.active(),
                    r.undone().map(Recalculation.Undone::by).orElse(null),
                    r.undone().map(Recalculation.Undone::at).orElse(null)));
        }
        return new ExportTable(ExportColumns.RECALCULATIONS, ExportColumns.RECALCULATION_COLUMNS, rows);
    }

    private static ExportTable scores(ProgrammeHistory h) {
        Map<Long, String> homes = homeNames(h);
        List<List<Object>> rows = new ArrayList<>();
        for (ProgressScore p : h.improvement().scores()) {
            rows.add(Arrays.asList(
                    h.cohort().name(),
                    homes.get(p.homeId()),
                    p.id(),
                    p.week(),
                    p.score().value(),
                    p.score().meaning(),
                    p.note(),
                    p.setBy(),
                    p.setAt()));
        }
        return new ExportTable(ExportColumns.PROGRESS_SCORES, ExportColumns.SCORE_COLUMNS, rows);
    }

    private static String rating(Optional<Rating> r) {
        return r.map(Rating::key).orElse(null);
    }

    /** "Spring 2027 (North)" → "spring-2027-north": lower-case ASCII letters, digits and single hyphens. */
    public static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 40) {
            s = s.substring(0, 40).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "cohort" : s;
    }
}
