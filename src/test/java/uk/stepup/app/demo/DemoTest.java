package uk.stepup.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.curriculum.CurriculumLoader;
import uk.stepup.e2e.NoErrorLogs;
import uk.stepup.prompts.YamlFrontMatter;
import uk.stepup.summaries.RatingProjection;

/**
 * The demo as a newcomer runs it, made small: six homes on two servers (as a cohort too big for one Discord server
 * is split) for eight weeks, through the real bot, JDA and the sandbox. Everything the coach tools do must show up
 * in what people saw and in the report, and the bot must break no Discord rule.
 */
@ExtendWith(NoErrorLogs.class)
class DemoTest {
    @TempDir
    Path out;

    @Test
    void a_small_programme_on_two_servers_uses_every_coach_tool_and_breaks_no_discord_rule() throws Exception {
        CurriculumLoader.LoadResult prompts = new CurriculumLoader(new YamlFrontMatter()).load(Path.of("prompts"));
        Demo.Result r = new Demo(6, 8, out, 7, prompts.curricula(), 3, DemoBot::inProcess).run();

        assertThat(r.violations()).isZero();
        // Every request was checked against Discord's OpenAPI document (and none failed it: violations are zero).
        assertThat(r.requestsChecked()).isPositive();
        assertThat(r.operationsChecked()).isGreaterThan(5);
        assertThat(r.cohorts()).isEqualTo(2);
        assertThat(r.checkins()).isPositive();
        assertThat(r.checkins() + r.missed()).isEqualTo(6 * 8);
        assertThat(r.tasksDone()).isPositive();
        assertThat(r.attended()).isPositive();
        assertThat(r.measureValues()).isPositive();

        String transcript = Files.readString(r.transcript());
        assertThat(transcript)
                .contains("## Step up to Outstanding 1")
                .contains("## Step up to Outstanding 2")
                .contains("**Task · ")
                .contains("done for ")
                .contains("Starting in an hour")
                .contains("in an hour")
                .contains("you attended **Coaching call")
                .contains("Halfway there")
                .contains("Saved 1 measure")
                .contains("used /cohort status")
                .contains("at risk")
                // The improvement story's first eight weeks: an aim, a cycle adapted into a second, adopted.
                .contains("Aim set for")
                .contains("Cycle 1 adapted")
                .contains("Cycle 2 adopted")
                // The manager's /progress fits in one Discord message, down to its last line.
                .contains(RatingProjection.SELF_ASSESSMENT_LABEL);
        assertThat(transcript).doesNotContain("((");

        String report = Files.readString(r.report());
        assertThat(report)
                .contains("Tasks set by the coaches")
                .contains("Coaching sessions and how many")
                .doesNotContain("No tasks were set")
                .doesNotContain("No coaching sessions were scheduled");
        assertThat(r.charts().resolve("measures.png")).exists();
        assertThat(out.resolve("cohort-2").resolve("report.html")).exists();
        // Every home's evidence portfolio, on both servers.
        try (var files = Files.list(out.resolve("portfolios"))) {
            assertThat(files.map(f -> f.getFileName().toString())).hasSize(3).allMatch(f -> f.endsWith(".html"));
        }
        assertThat(out.resolve("cohort-2").resolve("portfolios")).isDirectory();
    }

    @Test
    void the_same_seed_gives_the_same_transcript_byte_for_byte() throws Exception {
        // The safety net for refactoring: a seeded demo's transcript changes only where its behaviour does.
        CurriculumLoader.LoadResult prompts = new CurriculumLoader(new YamlFrontMatter()).load(Path.of("prompts"));
        Demo.Result first = new Demo(3, 3, out.resolve("first"), 7, prompts.curricula(), 3, DemoBot::inProcess).run();
        Demo.Result second = new Demo(3, 3, out.resolve("second"), 7, prompts.curricula(), 3, DemoBot::inProcess).run();
        assertThat(Files.readString(second.transcript())).isEqualTo(Files.readString(first.transcript()));
        assertThat(Files.mismatch(first.transcript(), second.transcript())).isEqualTo(-1L);
    }
}
