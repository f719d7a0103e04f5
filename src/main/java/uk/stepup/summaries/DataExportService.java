package uk.stepup.summaries;

import java.util.List;
import java.util.Optional;
import uk.stepup.actions.ActionRepository;
import uk.stepup.cohorts.Cohort;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;

/**
 * A coach downloads everything stored about a cohort: homes, every home's check-in status for every week, tasks,
 * attendance and measures, the homes' improvement work (aims, PDSA cycles, recalculations, progress scores) and,
 * when wired, their next steps (actions) and how they went. Coach only, and only for a cohort on the coach's own
 * server.
 */
public final class DataExportService {
    private final ProgrammeHistoryLoader histories;
    private final ExportWriter writer;
    private final Optional<ActionRepository> actions;

    /** What the coach gets: a sentence, and the files when it worked. */
    public record Result(Outcome outcome, List<ExportFile> files) {
        public Result {
            files = List.copyOf(files);
        }
    }

    public DataExportService(ProgrammeHistoryLoader histories, ExportWriter writer) {
        this(histories, writer, Optional.empty());
    }

    /** With {@code actions}, the export ends with the {@code actions} table. */
    public DataExportService(
            ProgrammeHistoryLoader histories, ExportWriter writer, Optional<ActionRepository> actions) {
        this.histories = histories;
        this.writer = writer;
        this.actions = actions;
    }

    public Result export(Actor actor, Cohort cohort, ExportFormat format) {
        return export(actor, cohort, format, Optional.empty());
    }

    /** As {@link #export(Actor, Cohort, ExportFormat)}, naming the files after {@code baseName} instead of the cohort. */
    public Result export(Actor actor, Cohort cohort, ExportFormat format, Optional<String> baseName) {
        if (!actor.coach()) {
            return new Result(Outcome.refused(Outcome.COACHES_ONLY), List.of());
        }
        if (!actor.guildId().equals(cohort.guildId())) {
            return new Result(Outcome.refused("That cohort belongs to another server."), List.of());
        }
        ProgrammeHistory history = histories.load(cohort);
        CohortExport built = ExportBuilder.build(history);
        CohortExport export = actions.map(a -> ActionExport.addTo(
                        built, history.homes(), a.inCohort(cohort.id()), a.followUpsInCohort(cohort.id())))
                .orElse(built);
        List<ExportFile> files = writer.write(export, format, baseName.orElse(export.slug()));
        return new Result(Outcome.done(describe(export, format)), files);
    }

    private static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }

    static String describe(CohortExport export, ExportFormat format) {
        int homes = export.table(ExportColumns.HOMES).rows().size();
        int rows = export.table(ExportColumns.CHECKINS).rows().size();
        int tasks = (int) export.table(ExportColumns.TASKS).rows().stream()
                .map(r -> r.get(1))
                .distinct()
                .count();
        int sessions = (int) export.table(ExportColumns.ATTENDANCE).rows().stream()
                .map(r -> r.get(1))
                .distinct()
                .count();
        int values = export.table(ExportColumns.MEASURES).rows().size();
        int actions = (int) export.tables().stream()
                .filter(t -> t.name().equals(ExportColumns.ACTIONS))
                .flatMap(t -> t.rows().stream())
                .map(r -> r.get(2))
                .distinct()
                .count();
        int cycles = export.table(ExportColumns.PDSA_CYCLES).rows().size();
        int scores = export.table(ExportColumns.PROGRESS_SCORES).rows().size();
        String improvement = cycles + scores == 0
                ? ""
                : " Improvement work: " + cycles + (cycles == 1 ? " PDSA cycle" : " PDSA cycles") + ", "
                        + count(export.table(ExportColumns.AIMS).rows().size(), "aim") + ", "
                        + count(
                                export.table(ExportColumns.RECALCULATIONS)
                                        .rows()
                                        .size(),
                                "recalculation") + ", "
                        + count(scores, "progress score") + ".";
        String files = format == ExportFormat.CSV
                ? "One CSV file per table; each opens in Excel."
                : "One JSON document with every table.";
        return "Export of **" + export.cohortName() + "**: " + homes + (homes == 1 ? " home" : " homes") + ", "
                + export.weeksRun() + " of " + export.weeksPlanned() + " weeks (" + rows
                + " check-in rows, one per home"
                + " and week), " + tasks + (tasks == 1 ? " task" : " tasks") + ", " + sessions
                + (sessions == 1 ? " session" : " sessions") + ", " + values
                + (values == 1 ? " measure value" : " measure values")
                + (actions == 0 ? "" : ", " + actions + (actions == 1 ? " next step" : " next steps"))
                + "." + improvement + " " + files
                + "\nThese files hold every home's private check-ins: keep them within the coaching team.";
    }
}
