package uk.stepup.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.ProgrammeCalendar;
import uk.stepup.config.StepUpConfig;
import uk.stepup.curriculum.Curriculum;
import uk.stepup.curriculum.CurriculumItem;
import uk.stepup.report.HtmlReport;
import uk.stepup.sandbox.InteractionHandle;
import uk.stepup.sandbox.Sandbox;
import uk.stepup.sandbox.SandboxAttachment;
import uk.stepup.sandbox.SandboxChannel;
import uk.stepup.sandbox.SandboxGuild;
import uk.stepup.sandbox.SandboxMessage;
import uk.stepup.sandbox.SandboxModal;
import uk.stepup.sandbox.SandboxOptions;
import uk.stepup.sandbox.SandboxStats;
import uk.stepup.sandbox.SandboxUser;
import uk.stepup.sandbox.TranscriptWriter;
import uk.stepup.shared.Rating;
import uk.stepup.shared.WeeklyTime;
import uk.stepup.storage.Database;
import uk.stepup.storage.JdbcCohortRepository;

/**
 * A whole simulated programme on the built-in local Discord: a coach creates a cohort and imports homes, and every
 * week the bot posts the prompt, simulated managers check in (some on time, some late, some not at all), reminders
 * go out, and summaries follow. Same code paths as {@code run}; only the clock and the people are simulated. At the
 * end it writes what a coach would take away: the outcome report ({@code report.html}) and its charts
 * ({@code charts/*.png}).
 */
public final class Demo {
    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** The simulated programme starts on this Monday; the coach sets it up the Wednesday before. */
    static final LocalDate START = LocalDate.of(2027, 1, 4);
    /**
     * How long a simulated person waits for the bot. Generous: under Discord's rate limits the import gives every
     * manager the cohort's role before it creates any channel (so that a manager not on the server enrols nobody),
     * and twelve homes wait out one ten-second window for each.
     */
    static final Duration WAIT = Duration.ofSeconds(60);

    private static final String[] HOMES = {
        "Oak House",
        "Elm Court",
        "Willow Lodge",
        "Beech View",
        "Maple Grange",
        "Rowan House",
        "Cedar Court",
        "Hazel Bank",
        "Ash Lodge",
        "Birch Manor",
        "Holly Lodge",
        "Larch House"
    };
    private static final String[] DID = {
        "Talked it through at handover with day and night staff and agreed two small changes; one is already in place.",
        "Ran a 15-minute team huddle on it, asked residents' families for their view, and updated our action log.",
        "Audited a sample of records against this week's prompt and found a gap in how we write things down; fixed the template.",
        "Walked the floor at different times of day with a senior carer and noted what we saw, at pattern level.",
        "Used the reflective questions in supervision with three staff; their answers showed we need a refresher.",
        "Asked our residents' meeting what good looks like to them and wrote their words into our plan.",
        "Did this week's suggested action with the deputy; it took about an hour and was worth it.",
        "Mostly firefighting with staffing this week; managed one conversation about it with the team."
    };
    private static final String[] HIGHLIGHTS = {
        "A two-minute question at every handover kept the topic alive without another meeting.",
        "Asking night staff first gave us the most honest answers.",
        "Putting the new routine on a laminated card by the nurses' station made it stick.",
        "Families noticed the change before we told them, which says it is real.",
        "Pairing a new starter with a champion for a week worked better than a training session.",
        "We swapped a form for a short conversation, and the quality of what we learnt went up.",
        "Residents chaired part of our meeting this month; staff listened differently.",
        "We stopped auditing everything and picked three records a week to read properly.",
        "A 'you said, we did' board in the entrance showed visitors what changed and why.",
        "Our cook joined the care plan review and spotted preferences nobody had written down.",
        "Rotating who leads the huddle made the quieter staff speak up.",
        "Photographs of how people like their rooms set out helped agency staff get it right first time.",
        "We asked the GP practice what frustrates them about us and fixed two things within a week.",
        "Writing our incident learning as a one-page story got far more staff to read it.",
        "Ten minutes with the activities coordinator at handover linked the care and the day's plans.",
        "Moving supervision to the start of shifts meant it stopped being cancelled."
    };
    private static final String[] EVIDENCE = {
        "Huddle notes and an updated action log.",
        "Audit results for a sample of records, before and after.",
        "Feedback from the residents' meeting, written up.",
        "Supervision notes showing the discussion."
    };
    private static final String[] FIRST_NAMES = {
        "Amina", "Bev", "Chris", "Dana", "Efe", "Fran", "Gita", "Hollie", "Imran", "Jo", "Kemi", "Lou"
    };

    /** How a simulated manager behaves. */
    enum Habit {
        PROMPT,
        STEADY,
        LATE_SOMETIMES,
        STRUGGLING,
        QUIET
    }

    public record Result(
            Path transcript,
            Path database,
            Path report,
            Path charts,
            int checkins,
            int late,
            int missed,
            int violations,
            int cohorts,
            int tasksDone,
            int attended,
            int measureValues,
            long requestsChecked,
            int operationsChecked) {}

    /** At most this many homes share one Discord server: Discord allows 500 channels per server. */
    public static final int HOMES_PER_SERVER = 300;

    private static final String[] TASKS = {
        "Run a 10-minute huddle on this month's theme and note one change",
        "Ask three residents what good looks like to them",
        "Review one care plan together with the person and their family",
        "Read three incident reports and write the learning as a one-page story",
        "Share how you check agency staff know each person's needs",
        "Update your improvement plan ready for the final call"
    };

    private final int homes;
    private final int homesPerServer;
    private final int weeks;
    private final Path out;
    private final Random random;
    private final Map<String, Curriculum> curricula;
    private final PriorityQueue<Step> steps =
            new PriorityQueue<>(Comparator.comparing(Step::at).thenComparingLong(Step::order));
    private long stepCount;
    private SimulatedClock clock;
    private DemoBot timers;
    private final DemoBot.Starter starter;
    private int checkins;
    private int late;
    private int tasksDone;
    private int attended;
    private int measureValues;
    /** The highlights written on each server each week, so a summary never shows the same one twice. */
    private final Map<String, Set<String>> highlightsUsed = new HashMap<>();

    public Demo(int homes, int weeks, Path out, long seed, Map<String, Curriculum> curricula) {
        this(homes, weeks, out, seed, curricula, HOMES_PER_SERVER, DemoBot::inProcess);
    }

    /**
     * @param homesPerServer at most this many homes on one Discord server
     * @param starter        the bot to drive: {@link DemoBot#inProcess} or one in another process
     */
    public Demo(
            int homes,
            int weeks,
            Path out,
            long seed,
            Map<String, Curriculum> curricula,
            int homesPerServer,
            DemoBot.Starter starter) {
        this.homesPerServer = homesPerServer;
        this.starter = starter;
        this.homes = homes;
        this.weeks = weeks;
        this.out = out;
        this.random = new Random(seed);
        this.curricula = curricula;
    }

    /**
     * @param named whether the home is happy to put its name to what it shares
     * @param falls the home's usual number of falls a week
     */
    private record Manager(SandboxUser user, String home, Habit habit, boolean named, double falls) {}

    /** One server with its cohort, as the coach set it up. */
    private record Server(
            SandboxGuild guild,
            SandboxChannel general,
            List<Manager> managers,
            Cohort cohort,
            SandboxChannel announcements,
            SandboxChannel thisWeek,
            AtomicReference<SandboxMessage> prompt) {}

    /** Something a simulated person or a timer does at a moment; steps run in time order. */
    private record Step(Instant at, long order, Runnable action) {}

    public Result run() throws InterruptedException {
        prepare();
        clock = new SimulatedClock(
                START.minusDays(5).atTime(10, 0).atZone(LONDON).toInstant());
        int missed = 0;
        List<Server> servers = new ArrayList<>();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withClock(clock))) {
            SandboxUser coach = sandbox.createUser("coach.cath", "Cath (coach)");
            int serverCount = (homes + homesPerServer - 1) / homesPerServer;
            int perServer = (homes + serverCount - 1) / serverCount;
            List<SandboxGuild> guilds = new ArrayList<>();
            List<List<Manager>> people = new ArrayList<>();
            Habit[] habits = Habit.values();
            for (int s = 0; s < serverCount; s++) {
                SandboxGuild guild = sandbox.createGuild(
                        serverCount == 1 ? "Step up to Outstanding" : "Step up to Outstanding " + (s + 1));
                guild.addMember(coach, guild.createRole("Coach", 0));
                List<Manager> managers = new ArrayList<>();
                for (int i = s * perServer; i < Math.min(homes, (s + 1) * perServer); i++) {
                    String home = i < HOMES.length ? HOMES[i] : "Care Home " + (i + 1);
                    String first = FIRST_NAMES[i % FIRST_NAMES.length];
                    SandboxUser user = sandbox.createUser(first.toLowerCase() + (i + 1), first + " (" + home + ")");
                    guild.addMember(user);
                    managers.add(new Manager(user, home, habits[i % habits.length], i % 3 != 2, 3 + (i * 37 % 7)));
                }
                guilds.add(guild);
                people.add(managers);
            }
            // One server: the bot's commands are registered there. More: globally, for every server the bot is in.
            StepUpConfig config =
                    config(sandbox, serverCount == 1 ? guilds.get(0).id() : null);
            try (DemoBot bot = starter.start(config, sandbox.botToken(), curricula, clock);
                    Database db = Database.open(out.resolve("stepup.db"))) {
                timers = bot;
                JdbcCohortRepository cohorts = new JdbcCohortRepository(db);
                for (int s = 0; s < serverCount; s++) {
                    servers.add(setUp(
                            sandbox,
                            cohorts,
                            coach,
                            guilds.get(s),
                            people.get(s),
                            serverCount == 1 ? "Demo cohort" : "Demo cohort " + (s + 1)));
                }
                Cohort first = cohorts.byId(servers.get(0).cohort().id()).orElseThrow();
                List<String> codes = cohorts.items(first.id());
                ProgrammeCalendar cal = ProgrammeCalendar.of(first, codes.size(), cohorts.breaks(first.id()));
                Curriculum curriculum = curricula.get(first.framework());
                int lastWeek = Math.min(weeks, codes.size());
                for (int week = 1; week <= lastWeek; week++) {
                    CurriculumItem item = curriculum.byCode(codes.get(week - 1)).orElseThrow();
                    Instant prompt = cal.promptAt(week).orElseThrow();
                    Instant reminder = cal.reminderAt(week).orElseThrow();
                    Instant close = cal.closeAt(week).orElseThrow();
                    Instant summary = cal.summaryAt(week).orElseThrow();
                    at(prompt, () -> {
                        timers.fire();
                        for (Server server : servers) {
                            server.prompt()
                                    .set(sandbox.awaitMessage(
                                            server.thisWeek(),
                                            m -> !m.isEphemeral()
                                                    && m.button("Check in").isPresent()
                                                    && m.createdAt().equals(prompt),
                                            WAIT));
                        }
                    });
                    at(reminder, timers::fire);
                    at(close, timers::fire);
                    at(summary, timers::fire);
                    for (Server server : servers) {
                        Map<Manager, Instant> when = plan(server.managers(), week, prompt, reminder, close, summary);
                        for (var e : when.entrySet()) {
                            int w = week;
                            at(e.getValue(), () -> checkIn(sandbox, server, e.getKey(), item, w, close));
                        }
                        missed += server.managers().size() - when.size();
                        coachTools(sandbox, coach, server, week, prompt);
                    }
                    if (week == Math.max(2, lastWeek / 2)) {
                        at(
                                prompt.plus(Duration.ofHours(2)),
                                () -> reply(sandbox.as(coach, servers.get(0).guild())
                                        .slash(
                                                "broadcast",
                                                Map.of(
                                                        "message",
                                                        "Halfway there. Thank you for every check-in so far: the summaries show the cohort "
                                                                + "learning from each other. Keep going; the next twelve weeks are where it sticks.",
                                                        "cohort",
                                                        "all"),
                                                servers.get(0).general())));
                    }
                    if (week == lastWeek) {
                        // The day after the last summary a manager looks at their journey, and the coach at who needs a
                        // call.
                        Server one = servers.get(0);
                        Instant after = LocalDate.ofInstant(summary, LONDON)
                                .plusDays(1)
                                .atTime(10, 0)
                                .atZone(LONDON)
                                .toInstant();
                        at(
                                after,
                                () -> reply(sandbox.as(one.managers().get(0).user(), one.guild())
                                        .slash("progress", one.general())));
                        at(
                                after.plusSeconds(600),
                                () -> reply(
                                        sandbox.as(coach, one.guild()).slash("cohort status", one.announcements())));
                    }
                    runUntil(week < lastWeek ? cal.promptAt(week + 1).orElseThrow() : summary.plus(Duration.ofDays(2)));
                    LOG.info("Demo week {} of {}", week, lastWeek);
                }
            }
            Path transcript = out.resolve("transcript.md");
            TranscriptWriter.write(sandbox, transcript);
            for (int s = 0; s < servers.size(); s++) {
                writeReport(servers.get(s).cohort().id(), s == 0 ? out : out.resolve("cohort-" + (s + 1)));
            }
            // Every REST request of the run was checked against Discord's OpenAPI document. The count depends on
            // timing (retries, rate limits), so it goes to the log and the console, not the deterministic transcript.
            SandboxStats stats = sandbox.stats();
            LOG.info(
                    "Demo: {}; {} violations",
                    stats.openApiSummary(),
                    sandbox.violations().size());
            return new Result(
                    transcript,
                    out.resolve("stepup.db"),
                    out.resolve("report.html"),
                    out.resolve("charts"),
                    checkins,
                    late,
                    missed,
                    sandbox.violations().size(),
                    servers.size(),
                    tasksDone,
                    attended,
                    measureValues,
                    stats.openApiChecked(),
                    stats.openApiOperations().size());
        }
    }

    /** The coach creates the cohort, imports its homes and adds the measure the cohort will track. */
    private Server setUp(
            Sandbox sandbox,
            JdbcCohortRepository cohorts,
            SandboxUser coach,
            SandboxGuild guild,
            List<Manager> managers,
            String cohortName) {
        SandboxChannel general =
                guild.channelByName("general").orElseGet(() -> guild.createTextChannel("general", null));
        reply(sandbox.as(coach, guild)
                .slash("cohort create", Map.of("name", cohortName, "start", START.toString()), general));
        Cohort cohort = cohorts.byName(guild.id(), cohortName).orElseThrow();
        SandboxChannel announcements = sandbox.channel(
                        cohort.channels().announcementsId().orElseThrow())
                .orElseThrow();
        // Discord lets a bot create about one channel, and give about one role, a second: setting up a cohort takes
        // real minutes (300 homes, some fifteen) that the simulated clock does not need, so the demo lifts the limits
        // for the import only. Tests and the import benchmark keep them on.
        LOG.info(
                "Demo: enrolling {} homes with Discord's rate limits lifted for the set-up (about two seconds a home on Discord)",
                managers.size());
        sandbox.suspendRateLimits(true);
        try {
            sandbox.as(coach, guild)
                    .slash(
                            "cohort import",
                            Map.of(
                                    "file",
                                    SandboxAttachment.of(
                                            "homes.csv",
                                            "text/csv",
                                            csv(managers).getBytes(StandardCharsets.UTF_8))),
                            announcements)
                    .awaitReply(WAIT);
            // The import goes on in the background; its report in #coaches says it is done.
            sandbox.awaitMessage(
                    guild.channelByName("SUO · " + cohortName, "coaches").orElseThrow(),
                    m -> m.content().contains("Imported "),
                    WAIT.plusSeconds(managers.size()));
        } finally {
            sandbox.suspendRateLimits(false);
        }
        reply(sandbox.as(coach, guild)
                .slash(
                        "measure add",
                        Map.of("name", "Falls", "unit", "falls", "direction", "decrease"),
                        announcements));
        SandboxChannel thisWeek =
                sandbox.channel(cohort.channels().thisWeekId().orElseThrow()).orElseThrow();
        return new Server(guild, general, managers, cohort, announcements, thisWeek, new AtomicReference<>());
    }

    /**
     * Every four weeks the coach sets a task due on the Friday of the next week, and in between schedules a live
     * coaching call for the Thursday afternoon; managers mark tasks done and say they attended, as their habits go.
     */
    private void coachTools(Sandbox sandbox, SandboxUser coach, Server server, int week, Instant prompt) {
        LocalDate monday = LocalDate.ofInstant(prompt, LONDON);
        if (week % 4 == 1) {
            String title = TASKS[(week / 4) % TASKS.length];
            LocalDate due = monday.plusDays(11);
            at(
                    prompt.plus(Duration.ofMinutes(30)),
                    () -> reply(sandbox.as(coach, server.guild())
                            .slash(
                                    "task create",
                                    Map.of(
                                            "title",
                                            title,
                                            "due",
                                            due.toString(),
                                            "details",
                                            "Post what you learnt in your home channel; I will pick examples for our next call."),
                                    server.announcements())));
            Instant dueEnd = due.atTime(17, 0).atZone(LONDON).toInstant();
            for (Manager m : server.managers()) {
                if (random.nextDouble() < keen(m.habit())) {
                    at(daytime(prompt.plus(Duration.ofHours(1)), dueEnd), () -> markDone(sandbox, server, m, title));
                }
            }
        } else if (week % 4 == 3) {
            String title = "Coaching call " + (week / 4 + 1);
            LocalDate thursday = monday.plusDays(3);
            Instant starts = thursday.atTime(14, 0).atZone(LONDON).toInstant();
            at(
                    prompt.plus(Duration.ofMinutes(45)),
                    () -> reply(sandbox.as(coach, server.guild())
                            .slash(
                                    "session schedule",
                                    Map.of(
                                            "when",
                                            thursday + " 14:00",
                                            "link",
                                            "https://zoom.us/j/8123456789",
                                            "title",
                                            title),
                                    server.announcements())));
            for (Manager m : server.managers()) {
                if (random.nextDouble() < keen(m.habit())) {
                    at(starts.plusSeconds(60 + random.nextInt(3000)), () -> attend(sandbox, server, m, title));
                }
            }
        }
    }

    /** How likely a manager with this habit is to do what the coach asks. */
    private static double keen(Habit habit) {
        return switch (habit) {
            case PROMPT -> 0.95;
            case STEADY -> 0.85;
            case LATE_SOMETIMES -> 0.6;
            case STRUGGLING -> 0.4;
            case QUIET -> 0.1;
        };
    }

    private void markDone(Sandbox sandbox, Server server, Manager m, String title) {
        SandboxMessage post = sandbox.awaitMessage(
                server.announcements(),
                p -> p.button("Mark done").isPresent() && p.allText().contains(title),
                WAIT);
        sandbox.as(m.user(), server.guild()).clickLabel(post, "Mark done").awaitReply(WAIT);
        tasksDone++;
    }

    private void attend(Sandbox sandbox, Server server, Manager m, String title) {
        SandboxMessage post = sandbox.awaitMessage(
                server.announcements(),
                p -> p.button("I attended").isPresent() && p.allText().contains(title),
                WAIT);
        sandbox.as(m.user(), server.guild()).clickLabel(post, "I attended").awaitReply(WAIT);
        attended++;
    }

    private void at(Instant when, Runnable action) {
        steps.add(new Step(when, stepCount++, action));
    }

    /**
     * Runs every step before {@code end} in time order. Before each, the clock stops at any task or session
     * moment the bot asked to be woken for, as Quartz would fire it.
     */
    private void runUntil(Instant end) {
        while (!steps.isEmpty() && steps.peek().at().isBefore(end)) {
            Step step = steps.poll();
            advanceTo(step.at());
            step.action().run();
        }
        advanceTo(end.minusSeconds(1));
    }

    private void advanceTo(Instant t) {
        for (Optional<Instant> w = timers.nextWakeup(t); w.isPresent(); w = timers.nextWakeup(t)) {
            if (w.get().isAfter(clock.instant())) {
                clock.set(w.get());
            }
            timers.fire();
        }
        if (t.isAfter(clock.instant())) {
            clock.set(t);
        }
    }

    /** The coach's end-of-programme outputs, from the database the bot left: the outcome report and its charts. */
    private void writeReport(long cohortId, Path folder) {
        try (Database db = Database.open(out.resolve("stepup.db"))) {
            Cohort cohort = new JdbcCohortRepository(db).byId(cohortId).orElseThrow();
            HtmlReport.Rendered report = Reports.render(db, curricula, clock, cohort);
            Files.createDirectories(folder);
            Reports.writeHtml(report, folder.resolve("report.html"));
            Reports.writeCharts(report, folder.resolve("charts"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report in " + out, e);
        }
    }

    private void prepare() {
        try {
            Files.createDirectories(out);
            for (String f : List.of("stepup.db", "stepup.db-wal", "stepup.db-shm", "transcript.md", "report.html")) {
                Files.deleteIfExists(out.resolve(f));
            }
            Path charts = out.resolve("charts");
            if (Files.isDirectory(charts)) {
                try (var pngs = Files.newDirectoryStream(charts, "*.png")) {
                    for (Path p : pngs) {
                        Files.delete(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + out, e);
        }
    }

    private StepUpConfig config(Sandbox sandbox, String guildId) {
        return new StepUpConfig(
                new StepUpConfig.Discord(guildId, "Coach", sandbox.restBaseUrl(), sandbox.gatewayUrl()),
                new StepUpConfig.Storage(out.resolve("stepup.db")),
                new StepUpConfig.Curriculum(Path.of("prompts"), "kloe-2017"),
                new StepUpConfig.Schedule(
                        LONDON,
                        WeeklyTime.parse("MONDAY 09:00").orElseThrow(),
                        WeeklyTime.parse("THURSDAY 12:00").orElseThrow(),
                        WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                        WeeklyTime.parse("MONDAY 08:00").orElseThrow()));
    }

    private static String csv(List<Manager> managers) {
        StringBuilder s =
                new StringBuilder("home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led\n");
        String[] baselines = {"Good", "Requires improvement", "Good", "Good", "Requires improvement", "Good"};
        int i = 0;
        for (Manager m : managers) {
            String b = baselines[i % baselines.length];
            s.append(m.home())
                    .append(",1-")
                    .append(100000000 + i * 7919L)
                    .append(',')
                    .append(m.user().id())
                    .append(',')
                    .append(b)
                    .append(',')
                    .append(i % 2 == 0 ? "Requires improvement" : "Good")
                    .append(",Good,Good,")
                    .append(b)
                    .append(',')
                    .append(b)
                    .append('\n');
            i++;
        }
        return s.toString();
    }

    /** When each manager checks in this week (absent = not at all), from their habit. */
    private Map<Manager, Instant> plan(
            List<Manager> managers, int week, Instant prompt, Instant reminder, Instant close, Instant summary) {
        Map<Manager, Instant> when = new LinkedHashMap<>();
        for (Manager m : managers) {
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

    /** A highlight no other home on the server wrote this week (the demo has sixteen to choose from). */
    private String highlight(String guildId, int week) {
        Set<String> used = highlightsUsed.computeIfAbsent(guildId + ":" + week, k -> new HashSet<>());
        List<String> fresh =
                Arrays.stream(HIGHLIGHTS).filter(h -> !used.contains(h)).toList();
        List<String> pool = fresh.isEmpty() ? List.of(HIGHLIGHTS) : fresh;
        String chosen = pool.get(random.nextInt(pool.size()));
        used.add(chosen);
        return chosen;
    }

    private void checkIn(Sandbox sandbox, Server server, Manager m, CurriculumItem item, int week, Instant close) {
        SandboxGuild guild = server.guild();
        InteractionHandle open = sandbox.as(m.user(), guild)
                .clickLabel(server.prompt().get(), "Check in")
                .awaitResponse(WAIT);
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
        values.put(
                "did",
                item.code() + ": " + DID[random.nextInt(m.habit() == Habit.STRUGGLING ? DID.length : DID.length - 1)]);
        if (random.nextDouble() < 0.6) {
            values.put("evidence", EVIDENCE[random.nextInt(EVIDENCE.length)]);
        }
        if (m.habit() == Habit.STRUGGLING && random.nextDouble() < 0.5) {
            values.put("next", "Could the coach share an example from another home?");
        }
        boolean highlight = random.nextDouble() < 0.45;
        if (highlight) {
            values.put("highlight", highlight(guild.id(), week));
        }
        InteractionHandle saved =
                sandbox.as(m.user(), guild).submitModal(open.modal(), values).awaitResponse(WAIT);
        SandboxMessage reply = saved.awaitReply(WAIT);
        checkins++;
        if (clock.instant().isAfter(close)) {
            late++;
        }
        if (highlight && m.named() && reply.button("Share with our name").isPresent() && random.nextDouble() < 0.5) {
            sandbox.as(m.user(), guild).clickLabel(reply, "Share with our name").awaitReply(WAIT);
        }
        if (reply.button("Add this week's measures").isPresent()
                && random.nextDouble() < 0.2 + keen(m.habit()) * 0.75) {
            enterFalls(sandbox, guild, m, reply, week);
        }
    }

    /**
     * The manager adds this week's falls. Homes with steady habits take the programme's falls work to heart and,
     * from the second quarter, fall less often: the shift the cohort's run charts should pick up.
     */
    private void enterFalls(Sandbox sandbox, SandboxGuild guild, Manager m, SandboxMessage reply, int week) {
        SandboxModal form = sandbox.as(m.user(), guild)
                .clickLabel(reply, "Add this week's measures")
                .awaitResponse(WAIT)
                .modal();
        if (form == null || form.fields().isEmpty()) {
            return;
        }
        boolean improving = week > 12 && (m.habit() == Habit.PROMPT || m.habit() == Habit.STEADY);
        int falls = poisson(m.falls() * (improving ? 0.55 : 1.0));
        sandbox.as(m.user(), guild)
                .submitModal(form, Map.of(form.fields().get(0).customId(), String.valueOf(falls)))
                .awaitResponse(WAIT)
                .awaitReply(WAIT);
        measureValues++;
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

    /**
     * A self-rating that starts where the home's habit suggests and tends to rise as the programme goes on, with
     * the odd honest dip: the shape of a cohort that is learning.
     */
    private Rating rating(Manager m, int week) {
        int base = switch (m.habit()) {
            case PROMPT -> 3;
            case STEADY, LATE_SOMETIMES, STRUGGLING -> 2;
            case QUIET -> 1;
        };
        double progress = Math.min(1.0, (week - 1) / (double) Math.max(1, weeks - 1));
        int lift = random.nextDouble() < 0.15 + 0.6 * progress ? 1 : 0;
        int dip = random.nextDouble() < 0.12 ? -1 : 0;
        int score = Math.min(4, Math.max(1, base + lift + dip));
        return Rating.values()[score - 1];
    }

    private static void reply(InteractionHandle h) {
        h.awaitReply(WAIT);
    }
}
