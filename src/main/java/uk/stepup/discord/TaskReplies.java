package uk.stepup.discord;

import java.util.ArrayList;
import java.util.List;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.tasks.ReplyWording;
import uk.stepup.tasks.TaskService;

/**
 * The task use case's answers in Discord's words: bold titles, mentions of who marked a task done, and lists cut to
 * fit one message.
 */
final class TaskReplies {
    /** Lists stay well inside Discord's 2000 characters for a message. */
    static final int REPLY_MAX = 1800;

    private TaskReplies() {}

    static String text(TaskService.Marking marking, Actor asker) {
        if (marking instanceof TaskService.AlreadyDone d) {
            return Replies.text(Outcome.done("Already done: " + Markdown.bold(d.title()) + " was marked done for "
                    + d.homeName() + " by " + person(d.doneBy(), asker) + " on "
                    + ReplyWording.when(d.doneAt().toInstant(), d.doneAt().getZone()) + "."));
        }
        return Replies.text(((TaskService.Said) marking).outcome());
    }

    static String text(TaskService.Listing listing, Actor asker) {
        if (listing instanceof TaskService.CohortTasks c) {
            List<String> lines = new ArrayList<>();
            for (TaskService.TaskCount t : c.tasks()) {
                lines.add((t.overdue() && t.toDo() > 0 ? "⚠️" : t.toDo() == 0 ? "✅" : "⏳") + " "
                        + Markdown.bold(t.title()) + " · due " + ReplyWording.shortDay(t.due()) + " · " + t.done()
                        + " of " + c.homes() + " homes done"
                        + (t.toDo() == 0
                                ? ""
                                : t.overdue() ? " · " + t.toDo() + " overdue" : " · " + t.toDo() + " to do"));
            }
            return lines(Markdown.bold("Tasks in " + c.cohortName()), lines, "tasks");
        }
        if (listing instanceof TaskService.HomeTasks h) {
            List<String> lines = new ArrayList<>();
            for (TaskService.HomeTask t : h.tasks()) {
                lines.add(
                        switch (t.state()) {
                            case DONE ->
                                "✅ " + Markdown.bold(t.title()) + ": done ("
                                        + person(t.done().orElseThrow().userId(), asker) + ", "
                                        + ReplyWording.shortDay(
                                                t.done().orElseThrow().on()) + ")";
                            case PENDING -> "⏳ " + Markdown.bold(t.title()) + ": due " + ReplyWording.shortDay(t.due());
                            case OVERDUE ->
                                "⚠️ " + Markdown.bold(t.title()) + ": overdue since " + ReplyWording.shortDay(t.due())
                                        + "; press " + Markdown.bold("Mark done")
                                        + " on its post in #announcements once it is done";
                        });
            }
            return lines(Markdown.bold(h.homeName() + "'s tasks") + " in " + h.cohortName(), lines, "tasks");
        }
        return Replies.text(((TaskService.Said) listing).outcome());
    }

    /** The person who did something: "you" to themselves, else a mention (replies never ping: mentions are off). */
    static String person(String userId, Actor asker) {
        return userId.equals(asker.userId()) ? "you" : Markdown.user(userId);
    }

    /** Lines under a heading, cut to fit a reply with "…and N more". */
    static String lines(String heading, List<String> lines, String more) {
        StringBuilder out = new StringBuilder(heading);
        int shown = 0;
        for (String line : lines) {
            if (out.length() + line.length() + 1 > REPLY_MAX) {
                break;
            }
            out.append('\n').append(line);
            shown++;
        }
        if (shown < lines.size()) {
            out.append("\n…and ")
                    .append(lines.size() - shown)
                    .append(" more ")
                    .append(more)
                    .append('.');
        }
        return out.toString();
    }
}
