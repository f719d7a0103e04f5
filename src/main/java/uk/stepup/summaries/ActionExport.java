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

/** The export's {@code actions} and {@code action_follow_ups} tables, as {@link ExportColumns} defines them. */
public final class ActionExport {
    private ActionExport() {}

    /** The export with the two actions tables added after the others; only actions of {@code homes} are written. */
    public static CohortExport addTo(CohortExport export, List<Home> homes, List<Action> actions, List<FollowUp> said) {
        Map<Long, String> names = new HashMap<>();
        homes.forEach(h -> names.put(h.id(), h.name()));
        Map<Long, List<FollowUp>> byAction = new HashMap<>();
        said.forEach(f ->
                byAction.computeIfAbsent(f.actionId(), k -> new ArrayList<>()).add(f));
        List<List<Object>> rows = new ArrayList<>();
        List<List<Object>> followUps = new ArrayList<>();
        for (Action a : actions) {
            String home = names.get(a.homeId());
            if (home == null) {
                continue;
            }
            List<FollowUp> mine = byAction.getOrDefault(a.id(), List.of());
            List<ActionOutcome> outcomes =
                    mine.stream().flatMap(f -> f.outcome().stream()).toList();
            rows.add(Arrays.asList(
                    export.cohortName(),
                    home,
                    a.id(),
                    a.setWeek(),
                    a.text(),
                    a.status().key(),
                    a.closedWeek().orElse(null),
                    outcomes.size(),
                    outcomes.isEmpty()
                            ? null
                            : outcomes.get(outcomes.size() - 1).key(),
                    a.createdAt(),
                    a.updatedAt()));
            for (FollowUp f : mine) {
                followUps.add(Arrays.asList(
                        export.cohortName(),
                        home,
                        a.id(),
                        f.week(),
                        f.outcome().map(ActionOutcome::key).orElse(null),
                        f.note().orElse(null),
                        f.answeredAt()));
            }
        }
        List<ExportTable> tables = new ArrayList<>(export.tables());
        tables.add(new ExportTable(ExportColumns.ACTIONS, ExportColumns.ACTION_COLUMNS, rows));
        tables.add(new ExportTable(ExportColumns.ACTION_FOLLOW_UPS, ExportColumns.ACTION_FOLLOW_UP_COLUMNS, followUps));
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
}
