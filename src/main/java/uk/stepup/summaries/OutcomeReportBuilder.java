package uk.stepup.summaries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import uk.stepup.checkins.Checkin;
import uk.stepup.checkins.HighlightShare;
import uk.stepup.cohorts.Home;
import uk.stepup.measures.CohortMeasures;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;

/**
 * Assembles a cohort's {@link OutcomeReport} from its {@link ProgrammeHistory}: participation, the heatmap, each
 * home's journey against its CQC baseline with an indicative overall rating, shared learning, tasks and sessions.
 *
 * <p>Privacy: homes appear under their {@link HomeLabels}; of the check-in text only highlights that homes agreed
 * to share are used, and a highlight carries its home's name only when the home chose that for it. What homes wrote
 * about what they did, their evidence and next steps never leaves the export.
 */
public final class OutcomeReportBuilder {
    private OutcomeReportBuilder() {}

    public static OutcomeReport build(ProgrammeHistory h) {
        return build(h, Optional.empty());
    }

    /** As {@link #build(ProgrammeHistory)}, with the cohort's measures digest for the report's measures section. */
    public static OutcomeReport build(ProgrammeHistory h, Optional<CohortMeasures.Digest> measures) {
        HomeLabels labels = HomeLabels.of(h);
        List<Home> homes = labels.inOrder();
        List<ProgrammeHistory.Week> closed = h.closedWeeks();
        Optional<Integer> openWeek = h.weeks().stream()
                .filter(w -> !w.closed())
                .map(ProgrammeHistory.Week::number)
                .findFirst();

        // Participation, over closed weeks and the homes enrolled for them.
        List<WeekParticipation> perWeek = new ArrayList<>();
        int expected = 0;
        int onTime = 0;
        int late = 0;
        int missing = 0;
        for (ProgrammeHistory.Week w : closed) {
            int o = 0;
            int l = 0;
            int m = 0;
            for (Home home : homes) {
                switch (h.status(home, w)) {
                    case ON_TIME -> o++;
                    case LATE -> l++;
                    case MISSING -> m++;
                    default -> {}
                }
            }
            perWeek.add(new WeekParticipation(w.number(), w.item().code(), o, l, m));
            expected += o + l + m;
            onTime += o;
            late += l;
            missing += m;
        }
        OutcomeReport.Participation totals =
                new OutcomeReport.Participation(homes.size(), expected, onTime, late, missing);
        ParticipationSeries participation = new ParticipationSeries(
                "Check-ins each week", homesCount(homes.size()) + " · on time, late or missing", perWeek);

        // Heatmap: one column per week run.
        List<String> codes = h.weeks().stream().map(w -> w.item().code()).toList();
        List<HeatmapRow> heatRows = new ArrayList<>();
        for (Home home : homes) {
            List<Optional<Rating>> cells = new ArrayList<>();
            for (ProgrammeHistory.Week w : h.weeks()) {
                cells.add(h.checkin(home.id(), w.number()).map(c -> c.answers().rating()));
            }
            heatRows.add(new HeatmapRow(labels.label(home), cells, false));
        }
        Heatmap heatmap = new Heatmap(
                h.cohort().name() + " · self-ratings by week",
                homesCount(homes.size()) + " · " + h.weeksRun() + (h.weeksRun() == 1 ? " week" : " weeks")
                        + " · colour = self-rating",
                codes,
                heatRows);

        // Each home.
        List<OutcomeReport.HomeSection> sections = new ArrayList<>();
        Map<KeyQuestion, int[]> change = new EnumMap<>(KeyQuestion.class);
        for (KeyQuestion kq : KeyQuestion.values()) {
            change.put(kq, new int[4]);
        }
        Map<Rating, Integer> baselineOverall = new EnumMap<>(Rating.class);
        Map<Rating, Integer> projectedOverall = new EnumMap<>(Rating.class);
        int pending = 0;
        int improvedAny = 0;
        for (Home home : homes) {
            OutcomeReport.HomeSection s = section(h, home, labels.label(home), labels.named(home), closed);
            sections.add(s);
            boolean improved = false;
            for (OutcomeReport.KeyQuestionRow row : s.rows()) {
                int[] c = change.get(row.keyQuestion());
                Optional<Integer> d = row.change();
                if (d.isEmpty()) {
                    c[3]++;
                } else if (d.get() > 0) {
                    c[0]++;
                    improved = true;
                } else if (d.get() == 0) {
                    c[1]++;
                } else {
                    c[2]++;
                }
            }
            improvedAny += improved ? 1 : 0;
            home.baseline().overall().ifPresent(r -> baselineOverall.merge(r, 1, Integer::sum));
            if (s.projection().rating().isPresent()) {
                projectedOverall.merge(s.projection().rating().get(), 1, Integer::sum);
            } else {
                pending++;
            }
        }
        List<OutcomeReport.KeyQuestionChange> changes = new ArrayList<>();
        change.forEach((kq, c) -> changes.add(new OutcomeReport.KeyQuestionChange(kq, c[0], c[1], c[2], c[3])));

        List<OutcomeReport.Learning> learning = new ArrayList<>();
        Map<Integer, Integer> notShown = new TreeMap<>();
        for (ProgrammeHistory.Week w : h.weeks()) {
            List<OutcomeReport.Learning> shared = learning(h, homes, w);
            List<OutcomeReport.Learning> shown =
                    HighlightPick.of(shared, h.cohort().id(), w.number());
            learning.addAll(shown);
            if (shown.size() < shared.size()) {
                notShown.put(w.number(), shared.size() - shown.size());
            }
        }

        Optional<LocalDate> first =
                h.weeks().isEmpty() ? Optional.empty() : h.weeks().get(0).start();
        Optional<LocalDate> last = h.weeks().isEmpty()
                ? Optional.empty()
                : h.weeks().get(h.weeks().size() - 1).start().map(d -> d.plusDays(6));
        return new OutcomeReport(
                h.cohort().name(),
                frameworkName(h.cohort().framework()),
                first,
                last,
                h.asOf().atZone(h.cohort().zone()).toLocalDate(),
                h.weeksRun(),
                h.weeksPlanned(),
                h.weeksRun() >= h.weeksPlanned() && h.weeks().stream().allMatch(ProgrammeHistory.Week::closed),
                openWeek,
                totals,
                changes,
                improvedAny,
                baselineOverall,
                projectedOverall,
                pending,
                participation,
                heatmap,
                sections,
                learning,
                notShown,
                tasks(h),
                sessions(h),
                measures);
    }

    private static OutcomeReport.HomeSection section(
            ProgrammeHistory h, Home home, String label, boolean named, List<ProgrammeHistory.Week> closed) {
        Map<KeyQuestion, List<JourneyPoint>> points = new EnumMap<>(KeyQuestion.class);
        Map<KeyQuestion, Map<String, Rating>> latest = new EnumMap<>(KeyQuestion.class);
        Map<KeyQuestion, Integer> run = new EnumMap<>(KeyQuestion.class);
        Map<String, Rating> byCode = new LinkedHashMap<>();
        for (KeyQuestion kq : KeyQuestion.values()) {
            points.put(kq, new ArrayList<>());
            latest.put(kq, new LinkedHashMap<>());
            run.put(kq, 0);
        }
        for (ProgrammeHistory.Week w : h.weeks()) {
            KeyQuestion kq = w.item().keyQuestion();
            Optional<Rating> r =
                    h.checkin(home.id(), w.number()).map(c -> c.answers().rating());
            points.get(kq).add(new JourneyPoint(w.number(), w.item().code(), r));
            run.merge(kq, 1, Integer::sum);
            r.ifPresent(rating -> {
                latest.get(kq).put(w.item().code(), rating);
                byCode.put(w.item().code(), rating);
            });
        }
        Map<KeyQuestion, Rating> current = new EnumMap<>(KeyQuestion.class);
        List<OutcomeReport.KeyQuestionRow> rows = new ArrayList<>();
        List<KeyQuestionJourney> panels = new ArrayList<>();
        for (KeyQuestion kq : KeyQuestion.values()) {
            Optional<Rating> now =
                    KloeRollUp.rollUp(new ArrayList<>(latest.get(kq).values()));
            now.ifPresent(r -> current.put(kq, r));
            rows.add(new OutcomeReport.KeyQuestionRow(
                    kq, home.baseline().of(kq), now, latest.get(kq).size(), run.get(kq)));
            panels.add(new KeyQuestionJourney(kq, home.baseline().of(kq), points.get(kq)));
        }
        Projection projection = "kloe-2017".equals(h.cohort().framework())
                ? RatingProjection.project(current, byCode, false)
                : RatingProjection.project(current);
        String weeks = h.weeksRun() == 0 ? "no weeks yet" : h.weeksRun() == 1 ? "week 1" : "weeks 1–" + h.weeksRun();
        RatingJourney journey = new RatingJourney(
                label + " · self-assessment journey", h.cohort().name() + " · " + weeks, panels);

        int asked = 0;
        int onTime = 0;
        int late = 0;
        for (ProgrammeHistory.Week w : closed) {
            switch (h.status(home, w)) {
                case ON_TIME -> {
                    asked++;
                    onTime++;
                }
                case LATE -> {
                    asked++;
                    late++;
                }
                case MISSING -> asked++;
                default -> {}
            }
        }
        int tasksDone = (int) h.tasks().stream()
                .filter(t -> t.doneAt().containsKey(home.id()))
                .count();
        List<ReportQueries.SessionRecord> held = h.sessions().stream()
                .filter(s -> !s.startsAt().isAfter(h.asOf()))
                .toList();
        int attended = (int) held.stream()
                .filter(s -> s.attendees().getOrDefault(home.id(), 0) > 0)
                .count();
        return new OutcomeReport.HomeSection(
                label,
                named,
                home.baseline().overall(),
                rows,
                projection,
                journey,
                asked,
                onTime,
                late,
                tasksDone,
                h.tasks().size(),
                attended,
                held.size());
    }

    /** The week's shared highlights, homes in label order, each text once per name it was shared under. */
    private static List<OutcomeReport.Learning> learning(
            ProgrammeHistory h, List<Home> homes, ProgrammeHistory.Week w) {
        List<OutcomeReport.Learning> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Home home : homes) {
            Optional<Checkin> c = h.checkin(home.id(), w.number());
            if (c.isEmpty()
                    || c.get().share() == HighlightShare.NONE
                    || c.get().answers().highlight().isEmpty()) {
                continue;
            }
            String text = c.get().answers().highlight().get();
            Optional<String> name =
                    c.get().share() == HighlightShare.NAMED ? Optional.of(home.name()) : Optional.empty();
            if (seen.add(text.strip().toLowerCase(Locale.ROOT) + "\u0000" + name.orElse(""))) {
                out.add(new OutcomeReport.Learning(
                        w.number(), w.item().code(), w.item().title(), w.item().keyQuestion(), name, text));
            }
        }
        return out;
    }

    private static List<OutcomeReport.TaskLine> tasks(ProgrammeHistory h) {
        List<OutcomeReport.TaskLine> out = new ArrayList<>();
        for (ReportQueries.TaskRecord t : h.tasks()) {
            int[] counts = new int[3];
            for (Home home : h.homes()) {
                counts[h.taskState(t, home).ordinal()]++;
            }
            out.add(new OutcomeReport.TaskLine(t.title(), t.dueDate(), counts[0], counts[1], counts[2]));
        }
        return out;
    }

    private static List<OutcomeReport.SessionLine> sessions(ProgrammeHistory h) {
        List<OutcomeReport.SessionLine> out = new ArrayList<>();
        for (ReportQueries.SessionRecord s : h.sessions()) {
            int homes = (int) h.homes().stream()
                    .filter(home -> s.attendees().getOrDefault(home.id(), 0) > 0)
                    .count();
            int people = h.homes().stream()
                    .mapToInt(home -> s.attendees().getOrDefault(home.id(), 0))
                    .sum();
            out.add(new OutcomeReport.SessionLine(
                    s.title(),
                    s.startsAt().atZone(h.cohort().zone()).toLocalDateTime(),
                    !s.startsAt().isAfter(h.asOf()),
                    homes,
                    people));
        }
        return out;
    }

    /** "1 home", "12 homes", "15,000 homes". */
    static String homesCount(int n) {
        return String.format(Locale.UK, "%,d %s", n, n == 1 ? "home" : "homes");
    }

    static String frameworkName(String framework) {
        return switch (framework) {
            case "kloe-2017" -> "CQC key lines of enquiry (2017 framework)";
            case "saf-2023" -> "CQC quality statements (single assessment framework)";
            default -> framework;
        };
    }
}
