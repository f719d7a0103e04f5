package uk.stepup.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import uk.stepup.checkins.CheckinAnswers;
import uk.stepup.checkins.HighlightShare;
import uk.stepup.cohorts.Baseline;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.ProgrammeCalendar;
import uk.stepup.cohorts.WeeklyRhythm;
import uk.stepup.curriculum.Curriculum;
import uk.stepup.deliveries.DeliveryLedger.Key;
import uk.stepup.deliveries.DeliveryLedger.Kind;
import uk.stepup.measures.Frequency;
import uk.stepup.measures.Measure;
import uk.stepup.measures.MeasureEntryService;
import uk.stepup.measures.MeasureRepository;
import uk.stepup.measures.MeasureValue;
import uk.stepup.measures.Rate;
import uk.stepup.measures.spc.ImprovementDirection;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;
import uk.stepup.shared.WeeklyTime;
import uk.stepup.storage.Database;
import uk.stepup.storage.JdbcCheckinRepository;
import uk.stepup.storage.JdbcCohortRepository;
import uk.stepup.storage.JdbcDeliveryLedger;
import uk.stepup.storage.JdbcHomeRepository;
import uk.stepup.storage.JdbcMeasureRepository;
import uk.stepup.storage.JdbcSessionRepository;
import uk.stepup.storage.JdbcTaskRepository;
import uk.stepup.tasks.Session;
import uk.stepup.tasks.SessionRepository;
import uk.stepup.tasks.Task;
import uk.stepup.tasks.TaskRepository;

/**
 * Seeds a whole programme into a real SQLite file (opened through {@link Database}, so Flyway's migrations made the
 * schema): a cohort of any size on the KLOE curriculum, 24 weeks run, as the bot would have stored it by the moment
 * the week 24 summary is due.
 *
 * <p>Per home, from a seeded random source: a CQC baseline (mostly Good, some Requires improvement, a few
 * Outstanding or Inadequate), how engaged it is (most check in nearly every week, some often miss, one in ten drops
 * out part-way), weekly check-ins whose self-ratings drift up from the baseline, a few of them late or edited once or
 * twice, text of realistic length, highlights (about a third of check-ins) shared anonymously, by name (one home in
 * five is happy to be named) or not at all. The cohort also has eight tasks (most homes do most of them), five
 * coaching sessions with attendance, two QI measures (falls each week, a monthly pressure-ulcer rate) and the
 * delivery ledger of everything posted so far: prompts, reminders to homes that had not checked in by Thursday,
 * summaries of weeks 1 to 23, task and session reminders.
 *
 * <p>Cohorts, homes, tasks, sessions and measures (with their values, a batch per week through
 * {@link MeasureRepository#saveValues}) always go through the bot's own repositories. The rows that come one per
 * home per week (check-ins and their revisions, highlight choices, tasks done, attendance, the ledger) go through
 * {@link Writes}: either the repositories one call at a time, as the bot writes them ({@link #throughRepositories}),
 * or, for national scale where that would take minutes, {@link #batched}: the same statements the repositories run,
 * many to a transaction. {@code ScaleBenchmark} checks that both give the same rows.
 */
final class ScaleSeed {
    static final String FRAMEWORK = "kloe-2017";
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate START = LocalDate.of(2027, 1, 4);
    static final Instant CREATED = Instant.parse("2026-12-30T10:00:00Z");
    static final WeeklyRhythm RHYTHM = new WeeklyRhythm(
            WeeklyTime.parse("MONDAY 09:00").orElseThrow(),
            WeeklyTime.parse("THURSDAY 12:00").orElseThrow(),
            WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
            WeeklyTime.parse("MONDAY 08:00").orElseThrow());
    static final int TASKS = 8;
    static final int SESSIONS = 5;

    private static final String[] FIRST = {
        "Oak",
        "Rose",
        "Elm",
        "Willow",
        "Beech",
        "Cedar",
        "Holly",
        "Ash",
        "Maple",
        "Birch",
        "Hazel",
        "Rowan",
        "Laurel",
        "Ivy",
        "Heather",
        "Meadow",
        "Orchard",
        "Brook",
        "Fern",
        "Juniper",
        "Lavender",
        "Primrose",
        "Bluebell",
        "Thistle",
        "Sycamore",
        "Chestnut",
        "Poplar",
        "Linden",
        "Magnolia",
        "Alder"
    };
    private static final String[] SECOND = {
        "House", "Lodge", "Court", "Manor", "Grange", "View", "Gardens", "Hall", "Park", "Place", "Mews", "Villa"
    };
    private static final String[] TOWN = {
        "Leeds",
        "York",
        "Bath",
        "Derby",
        "Luton",
        "Crewe",
        "Hull",
        "Ely",
        "Wells",
        "Truro",
        "Durham",
        "Exeter",
        "Carlisle",
        "Norwich",
        "Ipswich",
        "Lincoln",
        "Preston",
        "Bolton",
        "Wigan",
        "Stoke",
        "Poole",
        "Reading",
        "Slough",
        "Dover",
        "Margate",
        "Whitby",
        "Kendal",
        "Ripon",
        "Selby",
        "Malton",
        "Ludlow",
        "Hereford",
        "Worcester",
        "Gloucester",
        "Swindon",
        "Salisbury",
        "Taunton",
        "Barnstaple",
        "Penzance",
        "Bodmin",
        "Chester",
        "Stafford",
        "Lichfield",
        "Rugby",
        "Banbury",
        "Oxford",
        "Bedford",
        "Hitchin",
        "Harlow",
        "Colchester",
        "Chelmsford",
        "Maidstone",
        "Ashford",
        "Hastings",
        "Lewes",
        "Crawley",
        "Guildford",
        "Woking",
        "Andover",
        "Newbury"
    };
    private static final String[] DID = {
        "Talked it through at handover with day and night staff and agreed two small changes; one is already in place"
                + " and the other starts on Monday once the rota allows.",
        "Ran a 15-minute team huddle on it, asked families for their view at the Sunday visit, and updated our action"
                + " log with what they said.",
        "Audited a sample of care records against this week's prompt and found a gap in how we write things down;"
                + " fixed the template and briefed the seniors.",
        "Walked the floor at different times of day with a senior carer and noted what we saw, at pattern level, then"
                + " shared it at the team meeting.",
        "Used the reflective questions in supervision with three staff; their answers showed we need a refresher, which"
                + " is booked for next month.",
        "Asked our residents' meeting what good looks like to them and wrote their words into our plan, then read it"
                + " back to them to check.",
        "Reviewed our policy against the prompt with the deputy manager; it was out of date in two places, now"
                + " corrected and signed off.",
        "Looked at the last three months of incidents for patterns, found most happen at teatime, and moved a member of"
                + " staff to cover it.",
        "Held a short session with kitchen and activities staff too, because the topic is not only for carers; they had"
                + " ideas we will try.",
        "Compared what our staff said with what residents said and found they disagree on one point; we will look at it"
                + " again next week."
    };
    private static final String[] EVIDENCE = {
        "Huddle notes and an updated action log.", "Audit results for a sample of records, before and after.",
        "Feedback from the residents' meeting, written up.", "Supervision notes showing the discussion.",
        "The revised policy with the changes tracked.", "Incident analysis for the last quarter."
    };
    private static final String[] NEXT = {
        "Check in a fortnight that the change has stuck.",
        "Share the findings with the night team.",
        "Book the refresher training.",
        "Ask families again at the next meeting.",
        "Repeat the audit next month."
    };
    private static final String[] OPENER = {
        "A two-minute question at every handover",
        "Asking night staff first",
        "A laminated card by the nurses' station",
        "Inviting a resident to the team huddle",
        "A weekly walk-round",
        "Letting the cook lead one session",
        "A suggestions box for families",
        "Pairing new staff with a champion",
        "Reading the prompt aloud at the start of the shift",
        "A five-minute debrief after lunch"
    };
    private static final String[] EFFECT = {
        "kept the topic alive without another meeting",
        "gave us the most honest answers",
        "made the new routine stick",
        "changed how we talk about risk",
        "got people who never speak up to speak",
        "showed us a problem we had not seen",
        "saved time rather than costing it",
        "made the change feel like ours, not the manager's"
    };

    private ScaleSeed() {}

    /** Where the per-home, per-week rows go. */
    interface Writes {
        void checkin(long homeId, int week, String code, CheckinAnswers a, String user, Instant at, boolean late);

        void share(long homeId, int week, HighlightShare share);

        void taskDone(long taskId, long homeId, String user, Instant at);

        void attended(long sessionId, long homeId, String user, Instant at);

        void sent(Key key, Instant due, Instant at);

        /** Writes anything still held. */
        void flush();
    }

    /** One call per row through the bot's repositories, each its own transaction, as the bot writes them. */
    static Writes throughRepositories(Database db) {
        JdbcCheckinRepository checkins = new JdbcCheckinRepository(db);
        JdbcTaskRepository tasks = new JdbcTaskRepository(db);
        JdbcSessionRepository sessions = new JdbcSessionRepository(db);
        JdbcDeliveryLedger ledger = new JdbcDeliveryLedger(db);
        return new Writes() {
            @Override
            public void checkin(
                    long homeId, int week, String code, CheckinAnswers a, String user, Instant at, boolean late) {
                checkins.save(homeId, week, code, a, user, at, late);
            }

            @Override
            public void share(long homeId, int week, HighlightShare share) {
                checkins.setShare(checkins.find(homeId, week).orElseThrow().id(), share);
            }

            @Override
            public void taskDone(long taskId, long homeId, String user, Instant at) {
                tasks.markDone(taskId, homeId, user, at);
            }

            @Override
            public void attended(long sessionId, long homeId, String user, Instant at) {
                sessions.recordAttendance(sessionId, homeId, user, at);
            }

            @Override
            public void sent(Key key, Instant due, Instant at) {
                if (!ledger.claim(key, due, at, false, false).won()) {
                    throw new IllegalStateException("seeded twice: " + key.asText());
                }
                ledger.markSent(key, messageId(key), at);
            }

            @Override
            public void flush() {}
        };
    }

    /**
     * SEEDING ONLY: the statements the repositories run for the same calls (the check-in upsert with its revision,
     * the share update, task done, attendance, a ledger claim marked sent), but many to a transaction, so a
     * national-scale cohort seeds in seconds rather than minutes. Nothing in the bot writes this way.
     */
    static Writes batched(Database db) {
        return new Batched(db);
    }

    private static final class Batched implements Writes {
        private static final int BATCH = 20_000;
        private final Database db;
        private final List<Object[]> ops = new ArrayList<>();

        Batched(Database db) {
            this.db = db;
        }

        private void add(Object... op) {
            ops.add(op);
            if (ops.size() >= BATCH) {
                flush();
            }
        }

        @Override
        public void checkin(
                long homeId, int week, String code, CheckinAnswers a, String user, Instant at, boolean late) {
            add("checkin", homeId, week, code, a, user, at, late);
        }

        @Override
        public void share(long homeId, int week, HighlightShare share) {
            add("share", homeId, week, share);
        }

        @Override
        public void taskDone(long taskId, long homeId, String user, Instant at) {
            add("task", taskId, homeId, user, at);
        }

        @Override
        public void attended(long sessionId, long homeId, String user, Instant at) {
            add("attended", sessionId, homeId, user, at);
        }

        @Override
        public void sent(Key key, Instant due, Instant at) {
            add("sent", key, due, at);
        }

        @Override
        public void flush() {
            if (ops.isEmpty()) {
                return;
            }
            db.write(c -> {
                try (PreparedStatement upsert = c.prepareStatement(
                                "INSERT INTO checkin (home_id, week, code, rating, did,"
                                        + " evidence, next_step, highlight, late, revisions, submitted_by, submitted_at, updated_at)"
                                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)"
                                        + " ON CONFLICT (home_id, week) DO UPDATE SET rating = excluded.rating, did = excluded.did,"
                                        + " evidence = excluded.evidence, next_step = excluded.next_step, highlight = excluded.highlight,"
                                        + " revisions = checkin.revisions + 1, updated_at = excluded.updated_at RETURNING id, revisions");
                        PreparedStatement revision =
                                c.prepareStatement("INSERT INTO checkin_revision (checkin_id, revision,"
                                        + " rating, did, evidence, next_step, highlight, edited_by, edited_at)"
                                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                        PreparedStatement share = c.prepareStatement(
                                "UPDATE checkin SET highlight_share = ? WHERE home_id = ? AND week = ?");
                        PreparedStatement task = c.prepareStatement("INSERT OR IGNORE INTO task_done (task_id, home_id,"
                                + " done_by, done_at) VALUES (?, ?, ?, ?)");
                        PreparedStatement attended = c.prepareStatement("INSERT OR IGNORE INTO attendance (session_id,"
                                + " home_id, user_id, recorded_at) VALUES (?, ?, ?, ?)");
                        PreparedStatement sent =
                                c.prepareStatement("INSERT INTO delivery (delivery_key, cohort_id, week,"
                                        + " kind, target, due_at, status, attempts, message_id, claimed_at, sent_at, late)"
                                        + " VALUES (?, ?, ?, ?, ?, ?, 'sent', 1, ?, ?, ?, 0)")) {
                    for (Object[] op : ops) {
                        switch ((String) op[0]) {
                            case "checkin" -> {
                                CheckinAnswers a = (CheckinAnswers) op[4];
                                bind(
                                        upsert,
                                        op[1],
                                        op[2],
                                        op[3],
                                        a.rating(),
                                        a.didThisWeek(),
                                        a.evidence(),
                                        a.nextStep(),
                                        a.highlight(),
                                        (Boolean) op[7] ? 1 : 0,
                                        op[5],
                                        op[6],
                                        op[6]);
                                long id;
                                int n;
                                try (ResultSet rs = upsert.executeQuery()) {
                                    rs.next();
                                    id = rs.getLong(1);
                                    n = rs.getInt(2);
                                }
                                bind(
                                        revision,
                                        id,
                                        n,
                                        a.rating(),
                                        a.didThisWeek(),
                                        a.evidence(),
                                        a.nextStep(),
                                        a.highlight(),
                                        op[5],
                                        op[6]);
                                revision.executeUpdate();
                            }
                            case "share" -> {
                                bind(share, op[3], op[1], op[2]);
                                share.executeUpdate();
                            }
                            case "task" -> {
                                bind(task, op[1], op[2], op[3], op[4]);
                                task.executeUpdate();
                            }
                            case "attended" -> {
                                bind(attended, op[1], op[2], op[3], op[4]);
                                attended.executeUpdate();
                            }
                            case "sent" -> {
                                Key k = (Key) op[1];
                                bind(
                                        sent,
                                        k.asText(),
                                        k.cohortId(),
                                        k.week(),
                                        k.kind(),
                                        k.target(),
                                        op[2],
                                        messageId(k),
                                        op[3],
                                        op[3]);
                                sent.executeUpdate();
                            }
                            default -> throw new IllegalStateException(String.valueOf(op[0]));
                        }
                    }
                }
                return null;
            });
            ops.clear();
        }

        /** Binds as the storage adapter does: Optional unwrapped, instants as ISO text, enums as lower-case names. */
        private static void bind(PreparedStatement ps, Object... args) throws SQLException {
            for (int i = 0; i < args.length; i++) {
                Object v = args[i];
                if (v instanceof Optional<?> o) {
                    v = o.orElse(null);
                }
                if (v instanceof Instant || v instanceof LocalDate) {
                    v = v.toString();
                } else if (v instanceof Enum<?> e) {
                    v = e.name().toLowerCase(Locale.ROOT);
                }
                ps.setObject(i + 1, v);
            }
        }
    }

    static String messageId(Key key) {
        return Long.toString(1_000_000_000_000L + (key.asText().hashCode() & 0x7fffffffL));
    }

    /** A seeded cohort: the cohort, its homes, and when its week 24 summary is due. */
    record Seeded(Cohort cohort, List<Home> homes, ProgrammeCalendar calendar, int checkins) {
        Instant summaryDue() {
            return calendar.summaryAt(calendar.weeks()).orElseThrow();
        }
    }

    /** A cohort seeded by an earlier run, found by name. */
    static Seeded load(Database db, Map<String, Curriculum> curricula, String name) {
        JdbcCohortRepository cohorts = new JdbcCohortRepository(db);
        Cohort cohort = cohorts.named(name).stream()
                .findFirst()
                .orElseThrow(
                        () -> new IllegalStateException("The kept database has no cohort " + name + "; delete it"));
        int stored = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM checkin k JOIN home h ON h.id = k.home_id" + " WHERE h.cohort_id = ?")) {
                ps.setLong(1, cohort.id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
        return new Seeded(
                cohort,
                new JdbcHomeRepository(db).inCohort(cohort.id()),
                ProgrammeCalendar.of(cohort, cohorts.items(cohort.id()).size(), List.of()),
                stored);
    }

    /** How a home takes part. */
    private record Profile(double engagement, int dropsOutAfter, boolean namesItself, double lateRate) {}

    /**
     * Seeds one cohort of {@code homeCount} homes on server {@code guild}. The same {@code seed} gives the same
     * cohort whichever {@link Writes} is used.
     */
    static Seeded cohort(
            Database db,
            Map<String, Curriculum> curricula,
            String guild,
            String name,
            int homeCount,
            long seed,
            Writes writes) {
        JdbcCohortRepository cohorts = new JdbcCohortRepository(db);
        JdbcHomeRepository homeRepo = new JdbcHomeRepository(db);
        List<String> codes = curricula.get(FRAMEWORK).defaultOrder();
        Cohort cohort = cohorts.create(
                new CohortRepository.NewCohort(guild, name, FRAMEWORK, LONDON, START, RHYTHM, codes, "coach", CREATED));
        ProgrammeCalendar cal = ProgrammeCalendar.of(cohort, codes.size(), List.of());
        Random random = new Random(seed);

        // Homes, enrolled in one import as the CSV import does.
        List<HomeRepository.NewHome> wanted = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < homeCount; i++) {
            String home = FIRST[random.nextInt(FIRST.length)] + " " + SECOND[random.nextInt(SECOND.length)] + ", "
                    + TOWN[random.nextInt(TOWN.length)];
            if (!names.add(home)) {
                home = home + " " + (i + 1);
                names.add(home);
            }
            List<String> managers = new ArrayList<>();
            managers.add(userId(seed, i, 0));
            if (random.nextDouble() < 0.3) {
                managers.add(userId(seed, i, 1));
            }
            wanted.add(new HomeRepository.NewHome(
                    home,
                    slug(home),
                    Optional.of("1-" + (100_000_000L + seed * 100_000 + i)),
                    baseline(random),
                    managers));
        }
        List<Home> homes = homeRepo.enrolAll(cohort.id(), wanted, CREATED);
        List<Profile> profiles = new ArrayList<>();
        for (int i = 0; i < homes.size(); i++) {
            double e = random.nextDouble();
            profiles.add(new Profile(
                    e < 0.6 ? 0.97 : e < 0.9 ? 0.75 : 0.85,
                    e >= 0.9 ? 4 + random.nextInt(16) : 99,
                    random.nextDouble() < 0.2,
                    random.nextDouble() < 0.2 ? 0.25 : 0.04));
        }

        // Tasks and sessions, created by the coach through the repositories.
        JdbcTaskRepository taskRepo = new JdbcTaskRepository(db);
        List<Task> tasks = new ArrayList<>();
        for (int t = 0; t < TASKS; t++) {
            int week = 1 + 3 * t;
            LocalDate due = cal.weekStart(week + 1).orElseThrow().plusDays(4);
            tasks.add(taskRepo.create(new TaskRepository.NewTask(
                    cohort.id(),
                    TASK_TITLES[t],
                    Optional.of("Post it in your home's channel when it is done."),
                    due,
                    "coach",
                    cal.promptAt(week).orElseThrow().plusSeconds(3600))));
        }
        JdbcSessionRepository sessionRepo = new JdbcSessionRepository(db);
        List<Session> sessions = new ArrayList<>();
        for (int s = 0; s < SESSIONS; s++) {
            LocalDate wednesday = cal.weekStart(3 + 5 * s).orElseThrow().plusDays(2);
            Instant starts =
                    wednesday.atTime(LocalTime.of(14, 0)).atZone(LONDON).toInstant();
            sessions.add(sessionRepo.create(new SessionRepository.NewSession(
                    cohort.id(),
                    "Peer call " + (s + 1),
                    starts,
                    "https://meet.example/peer-" + (s + 1),
                    "coach",
                    starts.minusSeconds(14 * 86_400L))));
        }

        // Measures, defined by the coach; values entered with each week's check-in, one batch per week.
        JdbcMeasureRepository measureRepo = new JdbcMeasureRepository(db);
        Measure falls = measureRepo.add(new MeasureRepository.NewMeasure(
                cohort.id(),
                "Falls",
                "falls",
                ImprovementDirection.DECREASE,
                OptionalDouble.empty(),
                Frequency.WEEKLY,
                Optional.empty(),
                "coach",
                CREATED));
        Measure ulcers = measureRepo.add(new MeasureRepository.NewMeasure(
                cohort.id(),
                "Pressure ulcers",
                "per 1,000 bed days",
                ImprovementDirection.DECREASE,
                OptionalDouble.of(1),
                Frequency.MONTHLY,
                Optional.of(new Rate("new pressure ulcers", "occupied bed days", 1000)),
                "coach",
                CREATED));

        int stored = 0;
        Set<String> monthsEntered = new HashSet<>();
        for (int week = 1; week <= codes.size(); week++) {
            String code = codes.get(week - 1);
            KeyQuestion kq = KeyQuestion.parse(code.substring(0, 1)).orElseThrow();
            Instant prompt = cal.promptAt(week).orElseThrow();
            Instant reminder = cal.reminderAt(week).orElseThrow();
            Instant close = cal.closeAt(week).orElseThrow();
            Instant summary = cal.summaryAt(week).orElseThrow();
            LocalDate monday = cal.weekStart(week).orElseThrow();
            writes.sent(new Key(cohort.id(), week, Kind.PROMPT, "this-week"), prompt, prompt.plusSeconds(2));
            writes.sent(new Key(cohort.id(), week, Kind.PROMPT, "thread"), prompt, prompt.plusSeconds(3));
            List<MeasureValue> values = new ArrayList<>();
            for (int i = 0; i < homes.size(); i++) {
                Home home = homes.get(i);
                Profile p = profiles.get(i);
                String manager =
                        home.managerIds().get(random.nextInt(home.managerIds().size()));
                boolean checksIn = week <= p.dropsOutAfter() && random.nextDouble() < p.engagement();
                Instant first = null;
                if (checksIn) {
                    boolean late = random.nextDouble() < p.lateRate();
                    first = late
                            ? between(random, close.plusSeconds(600), summary.minusSeconds(600))
                            : between(random, prompt.plusSeconds(1800), close.minusSeconds(600));
                    Rating rating = rating(random, home.baseline(), kq, week, codes.size());
                    CheckinAnswers answers = answers(random, rating, i, week);
                    writes.checkin(home.id(), week, code, answers, manager, first, late);
                    stored++;
                    double edit = random.nextDouble();
                    Instant at = first;
                    for (int e = 0; e < (edit < 0.02 ? 2 : edit < 0.14 ? 1 : 0); e++) {
                        at = at.plusSeconds(600 + random.nextInt(86_400));
                        CheckinAnswers edited =
                                answers(random, rating(random, home.baseline(), kq, week, codes.size()), i, week);
                        writes.checkin(
                                home.id(),
                                week,
                                code,
                                new CheckinAnswers(
                                        edited.rating(),
                                        edited.didThisWeek(),
                                        edited.evidence(),
                                        edited.nextStep(),
                                        answers.highlight()),
                                manager,
                                at,
                                late);
                    }
                    if (answers.highlight().isPresent()) {
                        double s = random.nextDouble();
                        HighlightShare share = p.namesItself() && s < 0.6
                                ? HighlightShare.NAMED
                                : s < 0.85 ? HighlightShare.ANONYMOUS : HighlightShare.NONE;
                        if (share != HighlightShare.ANONYMOUS) {
                            writes.share(home.id(), week, share);
                        }
                    }
                    if (random.nextDouble() < 0.7) {
                        values.add(new MeasureValue(
                                falls.id(),
                                home.id(),
                                MeasureEntryService.periodFor(falls, monday),
                                Math.max(0, Math.round(random.nextGaussian() * 1.5 + 3 - week / 12.0)),
                                OptionalDouble.empty(),
                                OptionalDouble.empty(),
                                MeasureValue.Source.ENTERED,
                                OptionalInt.of(week),
                                manager,
                                first.plusSeconds(60)));
                    }
                    LocalDate month = MeasureEntryService.periodFor(ulcers, monday);
                    if (random.nextDouble() < 0.5 && monthsEntered.add(home.id() + "@" + month)) {
                        double beds = 600 + random.nextInt(900);
                        double count = Math.max(0, Math.round(random.nextGaussian() + 1));
                        values.add(new MeasureValue(
                                ulcers.id(),
                                home.id(),
                                month,
                                count / beds * 1000,
                                OptionalDouble.of(count),
                                OptionalDouble.of(beds),
                                MeasureValue.Source.ENTERED,
                                OptionalInt.of(week),
                                manager,
                                first.plusSeconds(90)));
                    }
                }
                if (first == null || first.isAfter(reminder)) {
                    writes.sent(
                            new Key(cohort.id(), week, Kind.REMINDER, "home-" + home.id()),
                            reminder,
                            reminder.plusMillis(20L * i));
                }
            }
            if (week < codes.size()) {
                writes.sent(new Key(cohort.id(), week, Kind.SUMMARY, "peer-learning"), summary, summary.plusSeconds(3));
                writes.sent(new Key(cohort.id(), week, Kind.SUMMARY, "thread"), summary, summary.plusSeconds(4));
            }
            writes.flush();
            measureRepo.saveValues(values);
        }

        // Tasks done, task reminders to the homes that had not done them the day before the due date.
        for (Task task : tasks) {
            Instant remindAt = task.reminderAt(LONDON);
            for (int i = 0; i < homes.size(); i++) {
                Home home = homes.get(i);
                boolean does = random.nextDouble() < profiles.get(i).engagement() * 0.8;
                Instant at = between(random, task.createdAt().plusSeconds(3600), remindAt.plusSeconds(4 * 86_400L));
                if (does) {
                    writes.taskDone(task.id(), home.id(), home.managerIds().get(0), at);
                }
                if (!does || at.isAfter(remindAt)) {
                    writes.sent(
                            new Key(cohort.id(), 0, Kind.TASK_REMINDER, "task-" + task.id() + ":home-" + home.id()),
                            remindAt,
                            remindAt.plusMillis(20L * i));
                }
            }
        }
        for (Session session : sessions) {
            writes.sent(
                    new Key(cohort.id(), 0, Kind.SESSION_REMINDER, "session-" + session.id()),
                    session.reminderAt(),
                    session.reminderAt().plusSeconds(1));
            writes.sent(
                    new Key(cohort.id(), 0, Kind.SESSION_REMINDER, "session-" + session.id() + ":attended"),
                    session.startsAt(),
                    session.startsAt().plusSeconds(1));
            for (int i = 0; i < homes.size(); i++) {
                if (random.nextDouble() < 0.3 * profiles.get(i).engagement()) {
                    for (String manager : homes.get(i).managerIds()) {
                        writes.attended(
                                session.id(),
                                homes.get(i).id(),
                                manager,
                                session.startsAt().plusSeconds(1800 + random.nextInt(1800)));
                    }
                }
            }
        }
        writes.flush();
        return new Seeded(cohort, homes, cal, stored);
    }

    private static final String[] TASK_TITLES = {
        "Share your safeguarding policy",
        "Map your falls for a month",
        "Run a residents' meeting on choice",
        "Review two care plans with families",
        "Check your staffing tool",
        "Audit medicines storage",
        "Ask three families for feedback",
        "Write your vision on one page"
    };

    static String userId(long seed, int home, int manager) {
        return Long.toString(800_000_000_000_000_000L + seed * 1_000_000_000L + home * 10L + manager);
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static Baseline baseline(Random random) {
        Rating overall = pick(random, 0.04, 0.76, 0.18);
        Map<KeyQuestion, Rating> byKq = new EnumMap<>(KeyQuestion.class);
        for (KeyQuestion kq : KeyQuestion.values()) {
            double r = random.nextDouble();
            int level = overall.ordinal() + (r < 0.15 ? -1 : r > 0.9 ? 1 : 0);
            byKq.put(kq, Rating.values()[Math.max(0, Math.min(3, level))]);
        }
        return new Baseline(Optional.of(overall), byKq);
    }

    /** Outstanding, Good or Requires improvement with the given shares, else Inadequate. */
    private static Rating pick(Random random, double outstanding, double good, double ri) {
        double r = random.nextDouble();
        return r < outstanding
                ? Rating.OUTSTANDING
                : r < outstanding + good
                        ? Rating.GOOD
                        : r < outstanding + good + ri ? Rating.REQUIRES_IMPROVEMENT : Rating.INADEQUATE;
    }

    /** The baseline for the key question, more likely a level up as the weeks go by, now and then a level down. */
    private static Rating rating(Random random, Baseline baseline, KeyQuestion kq, int week, int weeks) {
        int level = baseline.of(kq).or(baseline::overall).orElse(Rating.GOOD).ordinal();
        double r = random.nextDouble();
        if (r < 0.1 + 0.45 * week / weeks) {
            level++;
        } else if (r > 0.93) {
            level--;
        }
        return Rating.values()[Math.max(0, Math.min(3, level))];
    }

    private static CheckinAnswers answers(Random random, Rating rating, int home, int week) {
        String did = DID[random.nextInt(DID.length)];
        Optional<String> evidence =
                random.nextDouble() < 0.6 ? Optional.of(EVIDENCE[random.nextInt(EVIDENCE.length)]) : Optional.empty();
        Optional<String> next =
                random.nextDouble() < 0.4 ? Optional.of(NEXT[random.nextInt(NEXT.length)]) : Optional.empty();
        Optional<String> highlight = random.nextDouble() < 0.35
                ? Optional.of(OPENER[random.nextInt(OPENER.length)]
                        + " " + EFFECT[random.nextInt(EFFECT.length)] + "; " + (2 + random.nextInt(30))
                        + " staff took part in week " + week + ".")
                : Optional.empty();
        return new CheckinAnswers(rating, did, evidence, next, highlight);
    }

    private static Instant between(Random random, Instant from, Instant to) {
        long span = Math.max(1, to.getEpochSecond() - from.getEpochSecond());
        return from.plusSeconds((long) (random.nextDouble() * span));
    }

    /** Reads rows back for the check that both ways of writing store the same thing. */
    static List<String> rows(Database db, long cohortId) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            query(
                    c,
                    out,
                    "SELECT h.slug, k.week, k.code, k.rating, k.did, k.evidence, k.next_step, k.highlight,"
                            + " k.highlight_share, k.late, k.revisions, k.submitted_by, k.submitted_at, k.updated_at"
                            + " FROM checkin k JOIN home h ON h.id = k.home_id WHERE h.cohort_id = ? ORDER BY h.slug, k.week",
                    cohortId);
            query(
                    c,
                    out,
                    "SELECT h.slug, k.week, r.revision, r.rating, r.did, r.evidence, r.next_step, r.highlight,"
                            + " r.edited_by, r.edited_at FROM checkin_revision r JOIN checkin k ON k.id = r.checkin_id"
                            + " JOIN home h ON h.id = k.home_id WHERE h.cohort_id = ? ORDER BY h.slug, k.week, r.revision",
                    cohortId);
            query(
                    c,
                    out,
                    "SELECT t.title, h.slug, d.done_by, d.done_at FROM task_done d JOIN task t ON t.id = d.task_id"
                            + " JOIN home h ON h.id = d.home_id WHERE t.cohort_id = ? ORDER BY t.title, h.slug",
                    cohortId);
            query(
                    c,
                    out,
                    "SELECT s.title, h.slug, a.user_id, a.recorded_at FROM attendance a JOIN session s"
                            + " ON s.id = a.session_id JOIN home h ON h.id = a.home_id WHERE s.cohort_id = ?"
                            + " ORDER BY s.title, a.user_id",
                    cohortId);
            query(
                    c,
                    out,
                    "SELECT week, kind, due_at, status, attempts, claimed_at, sent_at, late, note,"
                            + " message_id IS NOT NULL FROM delivery WHERE cohort_id = ? ORDER BY due_at, claimed_at, week, kind",
                    cohortId);
            return out;
        });
    }

    private static void query(Connection c, List<String> out, String sql, long cohortId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, cohortId);
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder s = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        s.append(rs.getString(i)).append('|');
                    }
                    out.add(s.toString());
                }
            }
        }
    }
}
