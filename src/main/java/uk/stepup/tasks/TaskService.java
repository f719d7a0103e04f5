package uk.stepup.tasks;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.shared.UserText;

/**
 * Coach tasks: a coach sets one for every home with a due date; each home marks it done once (any of its managers);
 * a home that has not done it by 09:00 the day before gets a reminder (sent by the programme's tick). Coaches and
 * managers can see where things stand. Who may do what is checked here. Every home sees a task, so its title and
 * details go through the privacy guard: an identifier stops it.
 */
public final class TaskService {
    public static final int TITLE_MAX = 100;
    public static final int DETAILS_MAX = 1000;

    private final TaskRepository tasks;
    private final CohortRepository cohorts;
    private final HomeRepository homes;
    private final CoachPublisher publisher;
    private final Wakeups wakeups;
    private final PrivacyGuard guard;
    private final Clock clock;

    public TaskService(
            TaskRepository tasks,
            CohortRepository cohorts,
            HomeRepository homes,
            CoachPublisher publisher,
            Wakeups wakeups,
            PrivacyGuard guard,
            Clock clock) {
        this.tasks = tasks;
        this.cohorts = cohorts;
        this.homes = homes;
        this.publisher = publisher;
        this.wakeups = wakeups;
        this.guard = guard;
        this.clock = clock;
    }

    /** A due date as the coach typed it: YYYY-MM-DD, a real calendar date. */
    public static Optional<LocalDate> parseDate(String text) {
        try {
            return Optional.of(LocalDate.parse(text == null ? "" : text.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** {@code /task create}: saves the task, posts it to {@code #announcements}, and books its reminder. */
    public Outcome create(Actor actor, Cohort cohort, String rawTitle, String dueText, Optional<String> rawDetails) {
        if (!actor.coach()) {
            return Outcome.refused(Outcome.COACHES_ONLY);
        }
        if (cohort.status() == Cohort.Status.ENDED) {
            return Outcome.invalid(cohort.name() + " has ended, so it takes no new tasks.");
        }
        String title = ReplyWording.oneLine(rawTitle);
        if (title.isEmpty() || UserText.length(title) > TITLE_MAX) {
            return Outcome.invalid("Give the task a title of up to " + TITLE_MAX
                    + " characters, for example \"Share your fire drill log\".");
        }
        Optional<String> details = ReplyWording.optional(rawDetails);
        if (details.isPresent() && UserText.length(details.get()) > DETAILS_MAX) {
            return Outcome.invalid("Keep the details to " + DETAILS_MAX + " characters; link to a document for more.");
        }
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("title", title);
        details.ifPresent(d -> shown.put("details", d));
        Optional<String> identifiers = guard.identifiers(shown);
        if (identifiers.isPresent()) {
            return Outcome.invalid("Every home sees a task. " + identifiers.get());
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(cohort.zone()).toLocalDate();
        Optional<LocalDate> due = parseDate(dueText);
        if (due.isEmpty()) {
            return Outcome.invalid(guard.quoted(ReplyWording.oneLine(dueText), "That")
                    + " is not a date. Write the due date as YYYY-MM-DD, for example "
                    + today.plusWeeks(1) + ".");
        }
        if (due.get().isBefore(today)) {
            return Outcome.invalid(ReplyWording.day(due.get()) + " has passed. Choose today or a later date.");
        }
        Task task =
                tasks.create(new TaskRepository.NewTask(cohort.id(), title, details, due.get(), actor.userId(), now));
        CoachPublisher.Posted posted = publisher.postTask(cohort, task);
        if (posted instanceof CoachPublisher.Failed failed) {
            tasks.delete(task.id());
            return Outcome.invalid("I could not post the task: " + failed.reason() + " Nothing was saved. "
                    + "`/cohort repair` re-creates missing channels; then try again.");
        }
        tasks.saveMessage(task.id(), ((CoachPublisher.Sent) posted).id());
        Instant remindAt = task.reminderAt(cohort.zone());
        String reminder;
        if (remindAt.isAfter(now)) {
            wakeups.wakeAt(cohort.id(), remindAt);
            reminder = "Homes that have not marked it done by " + ReplyWording.when(remindAt, cohort.zone())
                    + " get a reminder in their own channel.";
        } else {
            reminder = "It is due too soon for a reminder the day before; the homes see it now.";
        }
        return Outcome.done("Posted **" + title + "** in #announcements of " + cohort.name() + ", due "
                + ReplyWording.day(due.get()) + ". " + reminder);
    }

    /** The Mark done button: records that the manager's home has done the task, once. */
    public Outcome markDone(Actor actor, long taskId) {
        Optional<Task> found = tasks.byId(taskId);
        if (found.isEmpty()) {
            return Outcome.invalid("This task no longer exists.");
        }
        Task task = found.get();
        Optional<Home> home = homes.managedBy(task.cohortId(), actor.userId());
        if (home.isEmpty()) {
            return Outcome.refused(
                    actor.coach()
                            ? "Tasks are marked done by the homes' managers. `/task list` shows you how each task stands."
                            : "Only the managers of the homes in this cohort can mark its tasks done. Ask your coach to enrol you.");
        }
        TaskRepository.Marked marked = tasks.markDone(task.id(), home.get().id(), actor.userId(), clock.instant());
        Cohort cohort = cohorts.byId(task.cohortId()).orElseThrow();
        if (!marked.first()) {
            TaskDone done = marked.done();
            return Outcome.done("Already done: **" + task.title() + "** was marked done for "
                    + home.get().name() + " by " + ReplyWording.person(done.doneBy(), actor.userId()) + " on "
                    + ReplyWording.when(done.doneAt(), cohort.zone()) + ".");
        }
        boolean late = task.stateFor(false, marked.done().doneAt(), cohort.zone()) == TaskState.OVERDUE;
        return Outcome.done("Marked **" + task.title() + "** done for "
                + home.get().name() + ". Thank you!"
                + (late
                        ? " It was due " + ReplyWording.day(task.dueDate()) + ", so your coach sees it as done late."
                        : ""));
    }

    /** {@code /task list} for a coach: each task with how many homes have done it, still have to, or are overdue. */
    public Outcome listForCoach(Actor actor, Cohort cohort) {
        if (!actor.coach()) {
            return Outcome.refused(Outcome.COACHES_ONLY);
        }
        List<Task> all = tasks.forCohort(cohort.id());
        if (all.isEmpty()) {
            return Outcome.done("There are no tasks in " + cohort.name() + " yet. Set one with `/task create`.");
        }
        int homeCount = homes.inCohort(cohort.id()).size();
        Map<Long, Integer> doneCount = new HashMap<>();
        tasks.doneInCohort(cohort.id()).forEach(d -> doneCount.merge(d.taskId(), 1, Integer::sum));
        Instant now = clock.instant();
        List<String> lines = new ArrayList<>();
        for (Task t : all) {
            int done = doneCount.getOrDefault(t.id(), 0);
            int rest = Math.max(0, homeCount - done);
            boolean overdue = t.stateFor(false, now, cohort.zone()) == TaskState.OVERDUE;
            lines.add((overdue && rest > 0 ? "⚠️" : rest == 0 ? "✅" : "⏳") + " **" + t.title() + "** · due "
                    + ReplyWording.shortDay(t.dueDate()) + " · " + done + " of " + homeCount + " homes done"
                    + (rest == 0 ? "" : overdue ? " · " + rest + " overdue" : " · " + rest + " to do"));
        }
        return Outcome.done(ReplyWording.lines("**Tasks in " + cohort.name() + "**", lines, "tasks"));
    }

    /** {@code /task list} for a manager: their home's state for each task of their cohort. */
    public Outcome listForManager(Actor actor) {
        Optional<Home> home = homes.managedBy(actor.userId()).stream()
                .filter(h -> cohorts.byId(h.cohortId())
                        .map(c ->
                                c.status() != Cohort.Status.ENDED && c.guildId().equals(actor.guildId()))
                        .orElse(false))
                .max(Comparator.comparingLong(Home::cohortId));
        if (home.isEmpty()) {
            return Outcome.refused("You are not enrolled as a manager of a home in a running cohort, so there are no "
                    + "tasks for you. Ask your coach to enrol you.");
        }
        Cohort cohort = cohorts.byId(home.get().cohortId()).orElseThrow();
        List<Task> all = tasks.forCohort(cohort.id());
        if (all.isEmpty()) {
            return Outcome.done("Your coach has not set any tasks yet. They appear in #announcements.");
        }
        Map<Long, TaskDone> ours = new HashMap<>();
        tasks.doneInCohort(cohort.id()).stream()
                .filter(d -> d.homeId() == home.get().id())
                .forEach(d -> ours.put(d.taskId(), d));
        Instant now = clock.instant();
        List<String> lines = new ArrayList<>();
        for (Task t : all) {
            TaskDone done = ours.get(t.id());
            lines.add(
                    switch (t.stateFor(done != null, now, cohort.zone())) {
                        case DONE ->
                            "✅ **" + t.title() + "**: done (" + ReplyWording.person(done.doneBy(), actor.userId())
                                    + ", "
                                    + ReplyWording.shortDay(
                                            done.doneAt().atZone(cohort.zone()).toLocalDate()) + ")";
                        case PENDING -> "⏳ **" + t.title() + "**: due " + ReplyWording.shortDay(t.dueDate());
                        case OVERDUE ->
                            "⚠️ **" + t.title() + "**: overdue since " + ReplyWording.shortDay(t.dueDate())
                                    + "; press **Mark done** on its post in #announcements once it is done";
                    });
        }
        return Outcome.done(
                ReplyWording.lines("**" + home.get().name() + "'s tasks** in " + cohort.name(), lines, "tasks"));
    }
}
