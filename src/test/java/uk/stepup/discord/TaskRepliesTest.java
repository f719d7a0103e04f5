package uk.stepup.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.stepup.shared.Actor;
import uk.stepup.tasks.TaskService;
import uk.stepup.tasks.TaskState;

/** The task use case returns values; this adapter writes them as Discord Markdown with mentions, within the limit. */
class TaskRepliesTest {
    static final Actor CAROL = new Actor("u3", "Carol", "g1", false);
    static final Actor ALICE = new Actor("u1", "Alice", "g1", false);

    @Test
    void a_managers_list_mentions_who_marked_a_task_done_and_says_you_to_themselves() {
        TaskService.HomeTasks tasks = new TaskService.HomeTasks(
                "Oak House",
                "Spring cohort",
                List.of(
                        new TaskService.HomeTask(
                                "Fire drill log",
                                LocalDate.of(2027, 1, 6),
                                TaskState.DONE,
                                Optional.of(new TaskService.Done("u1", LocalDate.of(2027, 1, 6)))),
                        new TaskService.HomeTask(
                                "Falls audit", LocalDate.of(2027, 1, 20), TaskState.PENDING, Optional.empty()),
                        new TaskService.HomeTask(
                                "Menu review", LocalDate.of(2027, 1, 5), TaskState.OVERDUE, Optional.empty())));

        assertThat(TaskReplies.text(tasks, CAROL))
                .startsWith("**Oak House's tasks** in Spring cohort\n")
                .contains("✅ **Fire drill log**: done (<@u1>, Wed 6 Jan)")
                .contains("⏳ **Falls audit**: due Wed 20 Jan")
                .contains("⚠️ **Menu review**: overdue since Tue 5 Jan; press **Mark done** on its post");
        assertThat(TaskReplies.text(tasks, ALICE)).contains("done (you, Wed 6 Jan)");
    }

    @Test
    void a_coachs_list_counts_homes_and_a_second_click_names_the_manager() {
        TaskService.CohortTasks tasks = new TaskService.CohortTasks(
                "Spring cohort",
                2,
                List.of(
                        new TaskService.TaskCount("Fire drill log", LocalDate.of(2027, 1, 6), 1, 1, true),
                        new TaskService.TaskCount("Falls audit", LocalDate.of(2027, 1, 20), 0, 2, false)));
        assertThat(TaskReplies.text(tasks, CAROL))
                .isEqualTo("**Tasks in Spring cohort**\n"
                        + "⚠️ **Fire drill log** · due Wed 6 Jan · 1 of 2 homes done · 1 overdue\n"
                        + "⏳ **Falls audit** · due Wed 20 Jan · 0 of 2 homes done · 2 to do");

        TaskService.AlreadyDone again = new TaskService.AlreadyDone(
                "Fire drill log",
                "Oak House",
                "u1",
                ZonedDateTime.of(2027, 1, 6, 10, 0, 0, 0, ZoneId.of("Europe/London")));
        assertThat(TaskReplies.text(again, CAROL))
                .isEqualTo("Already done: **Fire drill log** was marked done for Oak House by <@u1> on "
                        + "Wednesday 6 January at 10:00.");
        assertThat(TaskReplies.text(again, ALICE)).contains("by you on");
    }

    @Test
    void a_long_list_is_cut_to_fit_one_message_and_says_how_many_more() {
        List<TaskService.TaskCount> many = new ArrayList<>();
        for (int i = 1; i <= 80; i++) {
            many.add(new TaskService.TaskCount("Task number " + i, LocalDate.of(2027, 2, 1), 0, 3, false));
        }
        String text = TaskReplies.text(new TaskService.CohortTasks("Spring cohort", 3, many), CAROL);
        assertThat(text.length()).isLessThanOrEqualTo(TaskReplies.REPLY_MAX + 40);
        assertThat(text).matches("(?s).*\n…and \\d+ more tasks\\.");
    }
}
