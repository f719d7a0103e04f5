package uk.stepup.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.stepup.actions.Action;
import uk.stepup.actions.ActionOutcome;

/** README.md's "Data export" section documents every exported column, so coaches and analysts can rely on it. */
class ExportColumnsDocumentedTest {
    @Test
    void every_column_is_in_the_readme() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Data export");
        assertThat(start).as("README.md has a Data export section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<List<ExportColumn>> tables = List.of(
                ExportColumns.HOME_COLUMNS,
                ExportColumns.CHECKIN_COLUMNS,
                ExportColumns.TASK_COLUMNS,
                ExportColumns.ATTENDANCE_COLUMNS,
                ExportColumns.MEASURE_COLUMNS,
                ExportColumns.AIM_COLUMNS,
                ExportColumns.CYCLE_COLUMNS,
                ExportColumns.RECALCULATION_COLUMNS,
                ExportColumns.SCORE_COLUMNS,
                ExportColumns.ACTION_COLUMNS);
        for (String table : List.of(
                ExportColumns.HOMES,
                ExportColumns.CHECKINS,
                ExportColumns.TASKS,
                ExportColumns.ATTENDANCE,
                ExportColumns.MEASURES,
                ExportColumns.AIMS,
                ExportColumns.PDSA_CYCLES,
                ExportColumns.RECALCULATIONS,
                ExportColumns.PROGRESS_SCORES,
                ExportColumns.ACTIONS)) {
            assertThat(section).contains("| " + table + " |");
        }
        tables.stream().flatMap(List::stream).forEach(c -> {
            assertThat(section).as(c.name()).contains("`" + c.name() + "`");
            assertThat(c.description()).isNotBlank();
        });
        for (WeekStatus s : WeekStatus.values()) {
            assertThat(section).contains("`" + s.key() + "`");
        }
        for (ActionOutcome o : ActionOutcome.values()) {
            assertThat(section).contains("`" + o.key() + "`");
        }
        for (Action.Status st : Action.Status.values()) {
            assertThat(section).contains("`" + st.key() + "`");
        }
        Stream.of(ProgrammeHistory.TaskState.values())
                .forEach(s -> assertThat(section).contains("`" + s.key() + "`"));
    }
}
