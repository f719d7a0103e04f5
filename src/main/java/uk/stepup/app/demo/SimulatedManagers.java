package uk.stepup.app.demo;

import static uk.stepup.app.demo.Demo.LONDON;
import static uk.stepup.app.demo.Demo.WAIT;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.stepup.curriculum.CurriculumItem;
import uk.stepup.sandbox.InteractionHandle;
import uk.stepup.sandbox.Sandbox;
import uk.stepup.sandbox.SandboxGuild;
import uk.stepup.sandbox.SandboxMessage;
import uk.stepup.sandbox.SandboxModal;
import uk.stepup.shared.Rating;

/**
 * The care-home managers of the demo: each week they choose, by their {@link Habit} and the seeded randomness, when
 * (and whether) to check in and what to answer; they mark the coach's tasks done, say they attended coaching calls
 * and add their weekly falls. Everything they do goes through the sandbox as a person would do it, at the moment
 * planned on the {@link Timeline}. All choices draw on one {@link Random}, in a fixed order, so a seed gives one run.
 */
final class SimulatedManagers {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedManagers.class);

    private final Sandbox sandbox;
    private final Timeline timeline;
    private final DemoText.Checkin text;
    private final Random random;
    /**
     * How managers say their next steps went, drawn apart from {@link #random} so that the follow-up step (which only
     * some check-ins meet) leaves every other seeded choice of the demo as it was.
     */
    private final Random followUps;

    private final int weeks;
    /** The highlights written on each server each week, so a summary never shows the same one twice. */
    private final Map<String, Set<String>> highlightsUsed = new HashMap<>();

    /** The improvement story's home, which enters its falls every week from the story's list. */
    private SimulatedManager storyHome;

    private List<Integer> storyFalls = List.of();
    private int checkins;
    private int late;
    private int tasksDone;
    private int attended;
    private int measureValues;

    /** @param weeks the programme weeks the demo simulates: self-ratings rise over them */
    SimulatedManagers(Sandbox sandbox, Timeline timeline, DemoText text, Random random, Random followUps, int weeks) {
        this.followUps = followUps;
        this.sandbox = sandbox;
        this.timeline = timeline;
        this.text = text.checkin();
        this.random = random;
        this.weeks = weeks;
    }

    /**
     * Plans this week's check-ins on the server, each manager at a moment their habit suggests.
     *
     * @return how many managers will check in this week (the others miss it)
     */
    int planCheckIns(
            DemoServer server,
            CurriculumItem item,
            int week,
            Instant prompt,
            Instant reminder,
            Instant close,
            Instant summary) {
        Map<SimulatedManager, Instant> when = plan(server.managers(), week, prompt, reminder, close, summary);
        for (var e : when.entrySet()) {
            timeline.at(e.getValue(), () -> checkIn(server, e.getKey(), item, week, close));
        }
        return when.size();
    }

    /**
     * The home whose improvement story the demo tells: it enters its falls every week it checks in, with the values
     * given (one a week from week 1), so that its chart shows the shift the story is about. The seeded choices are
     * still drawn as for any home, so every other home's week stays as it was.
     */
    void tellStory(SimulatedManager home, List<Integer> falls) {
        this.storyHome = home;
        this.storyFalls = List.copyOf(falls);
    }

    /** The keen ones mark the task done some day between {@code from} and when it is due. */
    void takeOnTask(DemoServer server, String title, Instant from, Instant due) {
        for (SimulatedManager m : server.managers()) {
            if (random.nextDouble() < m.habit().keen()) {
                timeline.at(daytime(from, due), () -> markDone(server, m, title));
            }
        }
    }

    /** The keen ones join the coaching call and, within the hour, say they attended. */
    void joinSession(DemoServer server, String title, Instant starts) {
        for (SimulatedManager m : server.managers()) {
            if (random.nextDouble() < m.habit().keen()) {
                timeline.at(starts.plusSeconds(60 + random.nextInt(3000)), () -> attend(server, m, title));
            }
        }
    }

    /** The server's first manager looks at their home's journey through the programme. */
    void lookBack(DemoServer server, Instant at) {
        timeline.at(
                at,
                () -> sandbox.as(server.managers().get(0).user(), server.guild())
                        .slash("progress", server.general())
                        .awaitReply(WAIT));
    }

    int checkins() {
        return checkins;
    }

    int late() {
        return late;
    }

    int tasksDone() {
        return tasksDone;
    }

    int attended() {
        return attended;
    }

    int measureValues() {
        return measureValues;
    }

    /** When each manager checks in this week (absent = not at all), from their habit. */
    private Map<SimulatedManager, Instant> plan(
            List<SimulatedManager> managers,
            int week,
            Instant prompt,
            Instant reminder,
            Instant close,
            Instant summary) {
        Map<SimulatedManager, Instant> when = new LinkedHashMap<>();
        for (SimulatedManager m : managers) {
            double roll = random.nextDouble();
            Optional<Instant> t = switch (m.habit()) {
                case PROMPT -> Optional.of(between(prompt, reminder));
                case STEADY -> Optional.of(roll < 0.8 ? between(prompt, reminder) : between(reminder, close));
                case LATE_SOMETIMES ->
                    roll < 0.5
                            ? Optional.of(between(reminder, close))
                            : roll < 0.85 ? Optional.of(between(close, summary)) : Optional.empty();
                case STRUGGLING -> roll < 0.55 ? Optional.of(between(reminder, summary)) : Optional.empty();
                case QUIET -> week <= 2 && roll < 0.5 ? Optional.of(between(prompt, close)) : Optional.empty();
            };
            t.ifPresent(i -> when.put(m, i));
        }
        return when;
    }

    private void checkIn(DemoServer server, SimulatedManager m, CurriculumItem item, int week, Instant close) {
        SandboxGuild guild = server.guild();
        InteractionHandle open = sandbox.as(m.user(), guild)
                .clickLabel(server.prompt().get(), "Check in")
                .awaitResponse(WAIT);
        if (!open.failed() && open.callbackType() != null && open.callbackType() == 4) {
            // Next steps are due: say how they went (or skip), then continue to the check-in's form.
            open = followUp(guild, m, open);
        }
        if (open.failed() || open.modal() == null) {
            LOG.warn(
                    "Demo: {} could not open the check-in: {}",
                    m.home(),
                    open.failure().orElse("no modal"));
            return;
        }
        Rating rating = rating(m, week);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("rating", List.of(rating.key()));
        values.put("did", item.code() + ": " + did(m));
        if (random.nextDouble() < 0.6) {
            values.put(
                    "evidence",
                    text.evidence().get(random.nextInt(text.evidence().size())));
        }
        if (m.habit() == Habit.STRUGGLING && random.nextDouble() < 0.5) {
            values.put("next", text.askWhenStruggling());
        }
        boolean highlight = random.nextDouble() < 0.45;
        if (highlight) {
            values.put("highlight", highlight(guild.id(), week));
        }
        InteractionHandle saved =
                sandbox.as(m.user(), guild).submitModal(open.modal(), values).awaitResponse(WAIT);
        SandboxMessage reply = saved.awaitReply(WAIT);
        checkins++;
        if (timeline.now().isAfter(close)) {
            late++;
        }
        if (highlight && m.named() && reply.button("Share with our name").isPresent() && random.nextDouble() < 0.5) {
            sandbox.as(m.user(), guild).clickLabel(reply, "Share with our name").awaitReply(WAIT);
        }
        if (reply.button("Add this week's measures").isPresent()) {
            // The story home enters every week, but draws its chance (and its falls) only as any home would, so
            // the seeded choices of every other home stay in step.
            boolean chance = random.nextDouble() < 0.2 + m.habit().keen() * 0.75;
            if (chance || m == storyHome) {
                enterFalls(guild, m, reply, week, chance);
            }
        }
    }

    /**
     * The step before the check-in: for each next step shown, the manager taps how it went (by their habit, from
     * {@link #followUps}) or now and then skips them all; then presses Continue to check-in, which opens the form.
     */
    private InteractionHandle followUp(SandboxGuild guild, SimulatedManager m, InteractionHandle open) {
        SandboxMessage ask = open.awaitReply(WAIT);
        if (ask.button("Continue to check-in").isEmpty()) {
            return open;
        }
        boolean skip = followUps.nextDouble() < 0.15;
        for (int n = 1; !skip && ask.button(n + " · Done").isPresent(); n++) {
            double roll = followUps.nextDouble();
            double done = m.habit() == Habit.STRUGGLING ? 0.25 : 0.55;
            String said = roll < done ? "Done" : roll < done + 0.25 ? "Partly" : roll < 0.92 ? "Not yet" : "Dropped";
            sandbox.as(m.user(), guild).clickLabel(ask, n + " · " + said).awaitReply(WAIT);
        }
        return sandbox.as(m.user(), guild)
                .clickLabel(ask, "Continue to check-in")
                .awaitResponse(WAIT);
    }

    /** What the manager says they did: a struggling manager may also say they mostly fought fires. */
    private String did(SimulatedManager m) {
        List<String> answers = new ArrayList<>(text.did());
        if (m.habit() == Habit.STRUGGLING) {
            answers.addAll(text.didWhenStruggling());
        }
        return answers.get(random.nextInt(answers.size()));
    }

    /** A highlight no other home on the server wrote this week, while there are any left. */
    private String highlight(String guildId, int week) {
        Set<String> used = highlightsUsed.computeIfAbsent(guildId + ":" + week, k -> new HashSet<>());
        List<String> fresh =
                text.highlights().stream().filter(h -> !used.contains(h)).toList();
        List<String> pool = fresh.isEmpty() ? text.highlights() : fresh;
        String chosen = pool.get(random.nextInt(pool.size()));
        used.add(chosen);
        return chosen;
    }

    /**
     * The manager adds this week's falls. Homes with steady habits take the programme's falls work to heart and,
     * from the second quarter, fall less often: the shift the cohort's run charts should pick up.
     */
    private void enterFalls(SandboxGuild guild, SimulatedManager m, SandboxMessage reply, int week, boolean drawn) {
        SandboxModal form = sandbox.as(m.user(), guild)
                .clickLabel(reply, "Add this week's measures")
                .awaitResponse(WAIT)
                .modal();
        if (form == null || form.fields().isEmpty()) {
            return;
        }
        boolean improving = week > 12 && m.habit().takesItToHeart();
        int falls = drawn ? poisson(m.falls() * (improving ? 0.55 : 1.0)) : 0;
        if (m == storyHome && week <= storyFalls.size()) {
            falls = storyFalls.get(week - 1);
        }
        sandbox.as(m.user(), guild)
                .submitModal(form, Map.of(form.fields().get(0).customId(), String.valueOf(falls)))
                .awaitResponse(WAIT)
                .awaitReply(WAIT);
        measureValues++;
    }

    private void markDone(DemoServer server, SimulatedManager m, String title) {
        SandboxMessage post = sandbox.awaitMessage(
                server.announcements(),
                p -> p.button("Mark done").isPresent() && p.allText().contains(title),
                WAIT);
        sandbox.as(m.user(), server.guild()).clickLabel(post, "Mark done").awaitReply(WAIT);
        tasksDone++;
    }

    private void attend(DemoServer server, SimulatedManager m, String title) {
        SandboxMessage post = sandbox.awaitMessage(
                server.announcements(),
                p -> p.button("I attended").isPresent() && p.allText().contains(title),
                WAIT);
        sandbox.as(m.user(), server.guild()).clickLabel(post, "I attended").awaitReply(WAIT);
        attended++;
    }

    /**
     * A self-rating that starts where the home's habit suggests and tends to rise as the programme goes on, with
     * the odd honest dip: the shape of a cohort that is learning.
     */
    private Rating rating(SimulatedManager m, int week) {
        int base = m.habit().startingScore();
        double progress = Math.min(1.0, (week - 1) / (double) Math.max(1, weeks - 1));
        int lift = random.nextDouble() < 0.15 + 0.6 * progress ? 1 : 0;
        int dip = random.nextDouble() < 0.12 ? -1 : 0;
        int score = Math.min(4, Math.max(1, base + lift + dip));
        return Rating.values()[score - 1];
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    /** A moment between the two, on a day between 08:00 and 20:00: when a manager gets round to a task. */
    private Instant daytime(Instant from, Instant to) {
        Instant t = LocalDate.ofInstant(between(from, to), LONDON)
                .atTime(8 + random.nextInt(12), random.nextInt(60))
                .atZone(LONDON)
                .toInstant();
        return t.isBefore(from) ? from.plusSeconds(random.nextInt(3600)) : t.isAfter(to) ? to : t;
    }

    private Instant between(Instant from, Instant to) {
        long seconds = Duration.between(from, to).getSeconds();
        return from.plusSeconds(60 + (long) (random.nextDouble() * Math.max(1, seconds - 120)));
    }
}
