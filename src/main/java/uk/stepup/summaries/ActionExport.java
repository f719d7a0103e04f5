package uk.stepup.summaries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.stepup.actions.Action;
import uk.stepup.actions.ActionOutcome;
import uk.stepup.actions.FollowUp;
import uk.stepup.cohorts.Home;

/** The export's {@code actions} table, as {@link ExportColumns#ACTION_COLUMNS} defines it. */
public final class ActionExport {
    private ActionExport() {}

    /** The export with the actions table added after the others; only actions of {@code homes} are written. */
    public static CohortExport addTo(CohortExport export, List<Home> homes, List<Action> actions, List<FollowUp> said) {
        Map<Long, String> names = new HashMap<>();
        homes.forEach(h -> names.put(h.id(), h.name()));
        Map<Long, List<FollowUp>> byAction = new HashMap<>();
        said.forEach(f ->
                byAction.computeIfAbsent(f.actionId(), k -> new ArrayList<>()).add(f));
        List<List<Object>> rows = new ArrayList<>();
        for (Action a : actions) {
            String home = names.get(a.homeId());
            if (home == null) {
                continue;
            }
            List<FollowUp> mine = byAction.getOrDefault(a.id(), List.of());
            if (mine.isEmpty()) {
                rows.add(row(export, home, a, null, null, null, null));
            }
            for (FollowUp f : mine) {
                rows.add(row(
                        export,
                        home,
                        a,
                        f.week(),
                        f.outcome().map(ActionOutcome::key).orElse(null),
                        f.note().orElse(null),
                        f.answeredAt()));
            }
        }
        List<ExportTable> tables = new ArrayList<>(export.tables());
        tables.add(new ExportTable(ExportColumns.ACTIONS, ExportColumns.ACTION_COLUMNS, rows));
        return new CohortExport(
                export.cohortName(),
                export.slug(),
                export.framework(),
                export.zone(),
                export.startDate(),
                export.status(),
                export.weeksRun(),
                export.weeksPlanned(),
                export.exportedAt(),
                tables);
    }

    private static List<Object> row(
            CohortExport export, String home, Action a, Integer week, String outcome, String note, Object at) {
        return Arrays.asList(
                export.cohortName(),
                home,
                a.id(),
                a.setWeek(),
                a.text(),
                a.status().key(),
                a.closedWeek().orElse(null),
                week,
                outcome,
                note,
                at,
                a.createdAt(),
                a.updatedAt());
    }
}
