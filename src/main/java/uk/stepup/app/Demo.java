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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
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
import uk.stepup.sandbox.SandboxOptions;
import uk.stepup.sandbox.SandboxRole;
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
        "Oak House", "Elm Court", "Willow Lodge", "Beech View", "Maple Grange", "Rowan House", "Cedar Court",
        "Hazel Bank", "Ash Lodge", "Birch Manor", "Holly Lodge", "Larch House"
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
    enum Habit { PROMPT, STEADY, LATE_SOMETIMES, STRUGGLING, QUIET }

    public record Result(Path transcript, Path database, Path report, Path charts, int checkins, int late, int missed,
                         int violations) {
    }

    private final int homes;
    private final int weeks;
    private final Path out;
    private final Random random;
    private final Map<String, Curriculum> curricula;

    public Demo(int homes, int weeks, Path out, long seed, Map<String, Curriculum> curricula) {
        this.homes = homes;
        this.weeks = weeks;
        this.out = out;
        this.random = new Random(seed);
        this.curricula = curricula;
    }

    /** @param named whether the home is happy to put its name to what it shares */
    private record Manager(SandboxUser user, String home, Habit habit, boolean named) {
    }

    public Result run() throws InterruptedException {
        prepare();
        SimulatedClock clock = new SimulatedClock(START.minusDays(5).atTime(10, 0).atZone(LONDON).toInstant());
        int checkins = 0;
        int late = 0;
        int missed = 0;
        long cohortId;
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withClock(clock))) {
            SandboxGuild guild = sandbox.createGuild("Step up to Outstanding");
            SandboxRole coachRole = guild.createRole("Coach", 0);
            SandboxUser coach = sandbox.createUser("coach.cath", "Cath (coach)");
            guild.addMember(coach, coachRole);
            SandboxChannel general = guild.channelByName("general").orElseGet(() -> guild.createTextChannel("general", null));
            List<Manager> managers = new ArrayList<>();
            Habit[] habits = Habit.values();
            for (int i = 0; i < homes; i++) {
                String home = i < HOMES.length ? HOMES[i] : "Care Home " + (i + 1);
                String first = FIRST_NAMES[i % FIRST_NAMES.length];
                SandboxUser user = sandbox.createUser(first.toLowerCase() + (i + 1), first + " (" + home + ")");
                guild.addMember(user);
                managers.add(new Manager(user, home, habits[i % habits.length], i % 3 != 2));
            }
            StepUpConfig config = config(sandbox, guild);
            AtomicReference<ManualTimers> timers = new AtomicReference<>();
            try (BotModule bot = new BotModule(config, sandbox.botToken(), curricula, clock, ticker -> {
                ManualTimers t = new ManualTimers(ticker);
                timers.set(t);
                return t;
            })) {
                String cohortName = "Demo cohort";
                reply(sandbox.as(coach, guild).slash("cohort create",
                        Map.of("name", cohortName, "start", START.toString()), general));
                Cohort cohort = bot.cohorts.byName(guild.id(), cohortName).orElseThrow();
                SandboxChannel announcements = sandbox.channel(cohort.channels().announcementsId().orElseThrow()).orElseThrow();
                reply(sandbox.as(coach, guild).slash("cohort import",
                        Map.of("file", SandboxAttachment.of("homes.csv", "text/csv", csv(managers).getBytes(StandardCharsets.UTF_8))),
                        announcements));
                SandboxChannel thisWeek = sandbox.channel(cohort.channels().thisWeekId().orElseThrow()).orElseThrow();
                ProgrammeCalendar cal = bot.programme.calendar(bot.cohorts.byId(cohort.id()).orElseThrow());
                List<String> codes = bot.cohorts.items(cohort.id());
                Curriculum curriculum = curricula.get(cohort.framework());
                int lastWeek = Math.min(weeks, codes.size());
                for (int week = 1; week <= lastWeek; week++) {
                    CurriculumItem item = curriculum.byCode(codes.get(week - 1)).orElseThrow();
                    Instant prompt = cal.promptAt(week).orElseThrow();
                    Instant reminder = cal.reminderAt(week).orElseThrow();
                    Instant close = cal.closeAt(week).orElseThrow();
                    Instant summary = cal.summaryAt(week).orElseThrow();
                    fire(clock, timers.get(), prompt);
                    SandboxMessage promptMessage = sandbox.awaitMessage(thisWeek,
                            m -> !m.isEphemeral() && m.button("Check in").isPresent() && m.createdAt().equals(prompt), WAIT);
                    Map<Manager, Instant> when = plan(managers, week, prompt, reminder, close, summary);
                    List<Map.Entry<Manager, Instant>> early = when.entrySet().stream()
                            .filter(e -> e.getValue().isBefore(reminder)).sorted(Map.Entry.comparingByValue()).toList();
                    List<Map.Entry<Manager, Instant>> later = when.entrySet().stream()
                            .filter(e -> !e.getValue().isBefore(reminder)).sorted(Map.Entry.comparingByValue()).toList();
                    for (var e : early) {
                        clock.set(e.getValue());
                        checkIn(sandbox, guild, e.getKey(), promptMessage, item, week);
                    }
                    fire(clock, timers.get(), reminder);
                    boolean closed = false;
                    for (var e : later) {
                        if (!closed && !e.getValue().isBefore(close)) {
                            fire(clock, timers.get(), close);
                            closed = true;
                        }
                        clock.set(e.getValue());
                        checkIn(sandbox, guild, e.getKey(), promptMessage, item, week);
                        if (e.getValue().isAfter(close)) {
                            late++;
                        }
                    }
                    if (!closed) {
                        fire(clock, timers.get(), close);
                    }
                    checkins += when.size();
                    missed += managers.size() - when.size();
                    fire(clock, timers.get(), summary);
                    LOG.info("Demo week {} of {}: {} of {} homes checked in", week, lastWeek, when.size(), managers.size());
                }
                // One manager looks at their journey at the end.
                Manager first = managers.get(0);
                reply(sandbox.as(first.user(), guild).slash("progress", general));
                cohortId = cohort.id();
            }
            Path transcript = out.resolve("transcript.md");
            TranscriptWriter.write(sandbox, transcript);
            writeReport(cohortId, clock);
            return new Result(transcript, out.resolve("stepup.db"), out.resolve("report.html"), out.resolve("charts"),
                    checkins, late, missed, sandbox.violations().size());
        }
    }

    /** The coach's end-of-programme outputs, from the database the bot left: the outcome report and its charts. */
    private void writeReport(long cohortId, SimulatedClock clock) {
        try (Database db = Database.open(out.resolve("stepup.db"))) {
            Cohort cohort = new JdbcCohortRepository(db).byId(cohortId).orElseThrow();
            HtmlReport.Rendered report = Reports.render(db, curricula, clock, cohort);
            Reports.writeHtml(report, out.resolve("report.html"));
            Reports.writeCharts(report, out.resolve("charts"));
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

    private StepUpConfig config(Sandbox sandbox, SandboxGuild guild) {
        return new StepUpConfig(
                new StepUpConfig.Discord(guild.id(), "Coach", sandbox.restBaseUrl(), sandbox.gatewayUrl()),
                new StepUpConfig.Storage(out.resolve("stepup.db")),
                new StepUpConfig.Curriculum(Path.of("prompts"), "kloe-2017"),
                new StepUpConfig.Schedule(LONDON, WeeklyTime.parse("MONDAY 09:00").orElseThrow(),
                        WeeklyTime.parse("THURSDAY 12:00").orElseThrow(), WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                        WeeklyTime.parse("MONDAY 08:00").orElseThrow()));
    }

    private static String csv(List<Manager> managers) {
        StringBuilder s = new StringBuilder("home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led\n");
        String[] baselines = {"Good", "Requires improvement", "Good", "Good", "Requires improvement", "Good"};
        int i = 0;
        for (Manager m : managers) {
            String b = baselines[i % baselines.length];
            s.append(m.home()).append(",1-").append(100000000 + i * 7919L).append(',').append(m.user().id()).append(',')
                    .append(b).append(',').append(i % 2 == 0 ? "Requires improvement" : "Good").append(",Good,Good,")
                    .append(b).append(',').append(b).append('\n');
            i++;
        }
        return s.toString();
    }

    /** When each manager checks in this week (absent = not at all), from their habit. */
    private Map<Manager, Instant> plan(List<Manager> managers, int week, Instant prompt, Instant reminder, Instant close,
                                       Instant summary) {
        Map<Manager, Instant> when = new LinkedHashMap<>();
        for (Manager m : managers) {
            double roll = random.nextDouble();
            Optional<Instant> t = switch (m.habit()) {
                case PROMPT -> Optional.of(between(prompt, reminder));
                case STEADY -> Optional.of(roll < 0.8 ? between(prompt, reminder) : between(reminder, close));
                case LATE_SOMETIMES -> roll < 0.5 ? Optional.of(between(reminder, close))
                        : roll < 0.85 ? Optional.of(between(close, summary)) : Optional.empty();
                case STRUGGLING -> roll < 0.55 ? Optional.of(between(reminder, summary)) : Optional.empty();
                case QUIET -> week <= 2 && roll < 0.5 ? Optional.of(between(prompt, close)) : Optional.empty();
            };
            t.ifPresent(i -> when.put(m, i));
        }
        return when;
    }

    private Instant between(Instant from, Instant to) {
        long seconds = Duration.between(from, to).getSeconds();
        return from.plusSeconds(60 + (long) (random.nextDouble() * Math.max(1, seconds - 120)));
    }

    private void checkIn(Sandbox sandbox, SandboxGuild guild, Manager m, SandboxMessage prompt, CurriculumItem item, int week) {
        InteractionHandle open = sandbox.as(m.user(), guild).clickLabel(prompt, "Check in").awaitResponse(WAIT);
        if (open.failed() || open.modal() == null) {
            LOG.warn("Demo: {} could not open the check-in: {}", m.home(), open.failure().orElse("no modal"));
            return;
        }
        Rating rating = rating(m, week);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("rating", List.of(rating.key()));
        values.put("did", item.code() + ": " + DID[random.nextInt(m.habit() == Habit.STRUGGLING ? DID.length : DID.length - 1)]);
        if (random.nextDouble() < 0.6) {
            values.put("evidence", EVIDENCE[random.nextInt(EVIDENCE.length)]);
        }
        if (m.habit() == Habit.STRUGGLING && random.nextDouble() < 0.5) {
            values.put("next", "Could the coach share an example from another home?");
        }
        boolean highlight = random.nextDouble() < 0.45;
        if (highlight) {
            values.put("highlight", HIGHLIGHTS[random.nextInt(HIGHLIGHTS.length)]);
        }
        InteractionHandle saved = sandbox.as(m.user(), guild).submitModal(open.modal(), values).awaitResponse(WAIT);
        SandboxMessage reply = saved.awaitReply(WAIT);
        if (highlight && m.named() && reply.button("Share with our name").isPresent() && random.nextDouble() < 0.5) {
            sandbox.as(m.user(), guild).clickLabel(reply, "Share with our name").awaitReply(WAIT);
        }
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

    private static void fire(SimulatedClock clock, ManualTimers timers, Instant at) {
        clock.set(at);
        timers.fire();
    }

    private static void reply(InteractionHandle h) {
        h.awaitReply(WAIT);
    }
}
