package uk.stepup.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.ProgrammeCalendar;
import uk.stepup.cohorts.WeeklyRhythm;
import uk.stepup.measures.Measure;
import uk.stepup.measures.MeasureDefinitionService;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.shared.WeeklyTime;
import uk.stepup.tasks.Session;
import uk.stepup.tasks.SessionService;
import uk.stepup.tasks.Task;
import uk.stepup.tasks.TaskService;

/**
 * Generated slash-command options straight into the coach tools' use cases (the plain-Java code behind {@code /task
 * create}, {@code /broadcast}, {@code /session schedule}, {@code /cohort create}, {@code /cohort enrol} and
 * {@code /measure add}), on a real SQLite file: maximum lengths counted as Discord counts them, odd Unicode,
 * zero-width characters, Markdown, mention syntax, SQL and spreadsheet formulas, identifiers the privacy guard must
 * refuse and near-misses it must accept. For every call: no exception, a message for the person, accepted text
 * stored exactly (after the documented clean-up, such as a title's white space made one line), no identifier stored
 * or repeated, and nothing valid refused. The Discord-level suite sends a sample of the same through the sandbox.
 *
 * <p>{@code -Dhostile.scale=N} multiplies the number of calls (default 1: about 11,000 calls).
 */
class HostileCommandOptionsTest {
    static final Instant NOW = Instant.parse("2027-01-05T10:00:00Z");
    static final int SCALE = Integer.getInteger("hostile.scale", 1);
    static final Actor COACH = new Actor("100000000000000009", "Cath <@&1> @everyone", "1", true);
    private static final Pattern WHITE = Pattern.compile("[\\s\\u0085\\u2028\\u2029]+");
    private static final Pattern INVISIBLE = Pattern.compile("[\u200B\u200C\u200D\u2060\uFEFF\u00AD\u180E]");

    @TempDir
    Path dir;

    HostileWorld w;
    final Defects defects = new Defects();
    int calls;
    int options;

    @BeforeEach
    void open() {
        w = new HostileWorld(dir.resolve("hostile.db"), NOW);
    }

    @AfterEach
    void close() {
        w.close();
    }

    private Cohort cohort(String name) {
        return w.cohorts.create(new CohortRepository.NewCohort(
                "1",
                name,
                "kloe-2017",
                HostileWorld.LONDON,
                LocalDate.of(2027, 1, 11),
                rhythm(),
                HostileWorld.CURRICULA.get("kloe-2017").defaultOrder(),
                "coach",
                NOW));
    }

    private static WeeklyRhythm rhythm() {
        return new WeeklyRhythm(
                WeeklyTime.parse("MONDAY 09:00").orElseThrow(),
                WeeklyTime.parse("THURSDAY 12:00").orElseThrow(),
                WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                WeeklyTime.parse("MONDAY 08:00").orElseThrow());
    }

    /** Runs one call; an exception is a defect (recorded with the input), not a crash of the suite. */
    private Optional<Outcome> call(String what, Supplier<Outcome> use, int optionCount) {
        calls++;
        options += optionCount;
        try {
            Outcome o = use.get();
            if (o == null || o.message() == null || o.message().isBlank()) {
                defect(what, "no message for the person");
                return Optional.empty();
            }
            return Optional.of(o);
        } catch (RuntimeException e) {
            defect(what, "threw " + e);
            return Optional.empty();
        }
    }

    /** A defect, grouped by command and by the problem up to its first colon. */
    private void defect(String what, String problem) {
        String[] words = what.split(" ", 3);
        String kind = (words.length > 1 && !words[1].contains(":") ? words[0] + " " + words[1] : words[0]) + " "
                + (problem.contains(":") ? problem.substring(0, problem.indexOf(':')) : problem);
        defects.add(kind, problem, what);
    }

    private void timed(String phase, Runnable run) {
        long t0 = System.nanoTime();
        int c0 = calls;
        run.run();
        System.out.printf("  %s: %,d calls in %d ms%n", phase, calls - c0, (System.nanoTime() - t0) / 1_000_000);
    }

    /** A refused measure's reason, or DONE with the name and definition as stored. */
    private static Outcome outcome(MeasureDefinitionService.AddResult result) {
        if (result instanceof MeasureDefinitionService.NotAdded no) {
            return no.why();
        }
        Measure m = ((MeasureDefinitionService.Added) result).measure();
        return Outcome.done("Added " + m.name() + " · " + m.definition());
    }

    private void noEcho(String what, Outcome o) {
        String core = HostileText.identifierIn(o.message());
        if (core != null) {
            defect(what, "the reply repeats an identifier (" + core + "): " + o.message());
        }
    }

    static String show(String s) {
        return Defects.show(s);
    }

    /** The documented clean-up of a one-line title: every run of white space, line breaks included, is one space. */
    static String oneLine(String s) {
        return WHITE.matcher(s).replaceAll(" ").strip();
    }

    private String title(Random r, int max, boolean identifier) {
        int kind = r.nextInt(10);
        if (kind == 0) {
            return HostileText.text(r, max, identifier);
        }
        if (kind == 1) {
            return HostileText.oneLine(r, max, identifier) + HostileText.astral(r, 1 + r.nextInt(12));
        }
        return HostileText.oneLine(r, max, identifier);
    }

    @Test
    void generated_options_never_crash_never_store_an_identifier_and_round_trip() {
        Random r = new Random(20272);
        timed("/task create", () -> tasks(r, 2500 * SCALE));
        timed("/broadcast", () -> broadcasts(r, 2000 * SCALE));
        timed("/session schedule", () -> sessions(r, 2000 * SCALE));
        timed("/cohort create", () -> cohorts(r, 1500 * SCALE));
        timed("/cohort enrol", () -> enrolments(r, 1500 * SCALE));
        timed("/measure add", () -> measures(r, 2000 * SCALE));

        String stored = w.allStoredText();
        for (String core : HostileText.IDENTIFIER_CORES) {
            if (stored.contains(core)) {
                defect("database", "an identifier reached the database: " + core);
            }
        }
        assertThat(w.db.integrityCheck()).isEqualTo("ok");
        System.out.printf("Hostile command options (domain): %,d calls, %,d options%n", calls, options);
        assertThat(defects.found()).as("defects found in %,d calls", calls).isEmpty();
        assertThat(calls).isGreaterThanOrEqualTo(11_500 * SCALE);
    }

    private void tasks(Random r, int n) {
        Cohort cohort = cohort("Task cohort");
        LocalDate today = LocalDate.of(2027, 1, 5);
        List<String> goodDays = new ArrayList<>();
        for (int d = 0; d < 60; d++) {
            goodDays.add(today.plusDays(d).toString());
        }
        for (int i = 0; i < n; i++) {
            boolean idInTitle = r.nextInt(7) == 0;
            boolean idInDetails = !idInTitle && r.nextInt(6) == 0;
            String title = r.nextInt(25) == 0
                    ? HostileText.astral(r, TaskService.TITLE_MAX + 1 + r.nextInt(5))
                    : title(r, TaskService.TITLE_MAX, idInTitle);
            String due = HostileText.structured(r, goodDays);
            Optional<String> details = r.nextBoolean()
                    ? Optional.empty()
                    : Optional.of(HostileText.text(r, TaskService.DETAILS_MAX, idInDetails));
            String what = "/task create title:" + title + " due:" + due + " details:" + details.orElse("");
            long before = w.count("task");
            Optional<Outcome> o = call(what, () -> w.taskBoard.create(COACH, cohort, title, due, details), 3);
            if (o.isEmpty()) {
                continue;
            }
            noEcho(what, o.get());
            long after = w.count("task");
            String normTitle = oneLine(title);
            Optional<String> normDetails = details.map(String::strip).filter(s -> !s.isEmpty());
            boolean identifier = HostileText.identifierIn(title + " " + details.orElse("")) != null;
            boolean maybe = HostileText.tenDigits(title + " " + details.orElse(""));
            Optional<LocalDate> dueDate = parse(due).filter(d -> !d.isBefore(today));
            boolean valid = !normTitle.isEmpty()
                    && HostileText.length(normTitle) <= TaskService.TITLE_MAX
                    && normDetails.map(HostileText::length).orElse(0) <= TaskService.DETAILS_MAX
                    && dueDate.isPresent();
            if (o.get().ok()) {
                if (identifier || !valid) {
                    defect(what, "accepted " + (identifier ? "an identifier" : "an invalid task"));
                }
                Task t = w.tasks.byId(w.maxId("task")).orElseThrow();
                if (!t.title().equals(normTitle)
                        || !t.details().equals(normDetails)
                        || !t.dueDate().equals(dueDate.orElse(null))) {
                    defect(
                            what,
                            "stored differently: " + show(t.title()) + " / "
                                    + t.details().map(HostileText::length));
                }
                if (HostileText.hasLineBreak(t.title())) {
                    defect(what, "the stored title has a line break");
                }
            } else {
                if (after != before) {
                    defect(what, "refused but stored");
                }
                if (valid && !identifier && !maybe) {
                    defect(what, "refused a valid task: " + o.get().message());
                }
            }
        }
    }

    private static Optional<LocalDate> parse(String text) {
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private void broadcasts(Random r, int n) {
        Cohort cohort = cohort("Broadcast cohort");
        for (int i = 0; i < n; i++) {
            boolean identifier = r.nextInt(6) == 0;
            int kind = r.nextInt(20);
            String text = kind == 0
                    ? HostileText.astral(r, 2000)
                    : kind == 1
                            ? HostileText.astral(r, 2001 + r.nextInt(50))
                            : kind == 2 ? "  \n\t " : HostileText.text(r, 2000, identifier);
            boolean toAll = r.nextInt(4) == 0;
            String what = "/broadcast message:" + text + (toAll ? " cohort:all" : "");
            int before = w.publisher.broadcasts.size();
            Optional<Outcome> o = call(
                    what,
                    () -> toAll ? w.broadcasts.toAll(COACH, text) : w.broadcasts.toCohort(COACH, cohort, text),
                    toAll ? 2 : 1);
            if (o.isEmpty()) {
                continue;
            }
            noEcho(what, o.get());
            String norm = text.strip();
            boolean hasId = HostileText.identifierIn(text) != null;
            boolean maybe = HostileText.tenDigits(text);
            boolean valid = !norm.isEmpty() && HostileText.length(norm) <= 2000;
            List<String> sent = w.publisher.broadcasts.subList(before, w.publisher.broadcasts.size());
            if (o.get().ok()) {
                if (hasId || !valid) {
                    defect(what, "sent " + (hasId ? "an identifier" : "an invalid message"));
                }
                if (sent.isEmpty() || !sent.stream().allMatch(norm::equals)) {
                    defect(what, "sent something other than the message as written");
                }
            } else {
                if (!sent.isEmpty()) {
                    defect(what, "refused but sent");
                }
                if (valid && !hasId && !maybe) {
                    defect(what, "refused a valid message: " + o.get().message());
                }
            }
        }
    }

    private void sessions(Random r, int n) {
        Cohort cohort = cohort("Session cohort");
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        List<String> goodWhen = new ArrayList<>();
        for (int d = 1; d < 300; d += 7) {
            goodWhen.add(f.format(LocalDateTime.of(2027, 1, 5, 14, 0).plusDays(d)));
        }
        List<String> links = List.of(
                "https://zoom.us/j/123456789",
                "https://teams.microsoft.com/l/meetup-join/19%3a",
                "http://example.org/call",
                "https://x.y/" + "a".repeat(480),
                "javascript:alert(1)",
                "data:text/html,<script>alert(1)</script>",
                "https://zoom.us/j/1 extra",
                "<https://zoom.us/j/1>",
                "[call](https://evil.example)",
                "https://@everyone",
                "https://<@123456789012345678>",
                "ftp://x.y/",
                "https://",
                "https:///nohost",
                "https://xn--e1afmkfd.xn--p1ai/",
                "https://пример.рф/",
                "=HYPERLINK(1)",
                "https://zoom.us/j/1'; DROP TABLE session;--",
                "https://zoom.us/j/1?a=\u202eevil",
                " https://zoom.us/j/2 ",
                "HTTPS://ZOOM.US/J/3",
                "https://zoom.us/j/1#" + "ä".repeat(300));
        for (int i = 0; i < n; i++) {
            String when = HostileText.structured(r, goodWhen);
            String link = links.get(r.nextInt(links.size()));
            boolean identifier = r.nextInt(6) == 0;
            Optional<String> title =
                    r.nextInt(5) == 0 ? Optional.empty() : Optional.of(title(r, SessionService.TITLE_MAX, identifier));
            String what = "/session schedule when:" + when + " link:" + link + " title:" + title.orElse("");
            long before = w.count("session");
            Optional<Outcome> o = call(what, () -> w.sessionDesk.schedule(COACH, cohort, when, link, title), 3);
            if (o.isEmpty()) {
                continue;
            }
            noEcho(what, o.get());
            String normTitle = title.map(HostileCommandOptionsTest::oneLine)
                    .filter(t -> !t.isEmpty())
                    .orElse(SessionService.DEFAULT_TITLE);
            boolean hasId = HostileText.identifierIn(title.orElse("")) != null;
            boolean maybe = HostileText.tenDigits(title.orElse(""));
            Optional<Instant> at = SessionService.parseWhen(when, cohort.zone())
                    .filter(t -> t.isAfter(NOW) && t.isBefore(NOW.plus(Duration.ofDays(366))));
            boolean valid = at.isPresent()
                    && SessionService.validLink(link.strip())
                    && HostileText.length(normTitle) <= SessionService.TITLE_MAX;
            long after = w.count("session");
            if (o.get().ok()) {
                if (hasId || !valid) {
                    defect(what, "accepted " + (hasId ? "an identifier" : "an invalid session"));
                }
                Session s = w.sessions.byId(w.maxId("session")).orElseThrow();
                if (!s.title().equals(normTitle) || !s.link().equals(link.strip())) {
                    defect(what, "stored differently: " + show(s.title()) + " " + show(s.link()));
                }
            } else {
                if (after != before) {
                    defect(what, "refused but stored");
                }
                if (valid && !hasId && !maybe) {
                    defect(what, "refused a valid session: " + o.get().message());
                }
            }
        }
    }

    private void cohorts(Random r, int n) {
        List<String> mondays = new ArrayList<>();
        LocalDate monday = ProgrammeCalendar.mondayOf(LocalDate.of(2027, 1, 5));
        for (int k = 0; k < 52; k++) {
            mondays.add(monday.plusWeeks(k).toString());
        }
        List<String> zones = List.of(
                "",
                "Europe/London",
                "America/New_York",
                "Australia/Sydney",
                "UTC",
                "GMT+5",
                "+14:00",
                "Etc/GMT-14",
                "Pacific/Kiritimati",
                "Mars/Olympus",
                "europe/london",
                "../../etc/passwd",
                "'; DROP TABLE cohort;--",
                "@everyone",
                "Europe/London\u200b",
                "SystemV/AST4");
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < n; i++) {
            boolean identifier = r.nextInt(6) == 0;
            String name =
                    r.nextInt(8) == 0 ? HostileText.text(r, 60, identifier) : HostileText.oneLine(r, 60, identifier);
            Optional<String> start =
                    r.nextInt(4) == 0 ? Optional.empty() : Optional.of(HostileText.structured(r, mondays));
            String zoneText = zones.get(r.nextInt(zones.size()));
            Optional<String> zone = zoneText.isEmpty() ? Optional.empty() : Optional.of(zoneText);
            Optional<String> framework = List.of(
                            Optional.<String>empty(), Optional.of("kloe-2017"), Optional.of("saf-2023"))
                    .get(r.nextInt(3));
            String what = "/cohort create name:" + name + " start:" + start.orElse("") + " zone:" + zoneText;
            long before = w.count("cohort");
            Optional<Outcome> o = call(what, () -> w.admin.create(COACH, name, start, framework, zone), 4);
            if (o.isEmpty()) {
                continue;
            }
            noEcho(what, o.get());
            String norm = name.strip();
            boolean hasId = HostileText.identifierIn(name) != null;
            boolean nameOk = HostileText.length(norm) >= 2
                    && HostileText.length(norm) <= 60
                    && !Pattern.compile("@everyone|@here|<[@#]|\\]\\(")
                            .matcher(norm)
                            .find()
                    && norm.codePoints().noneMatch(HostileCommandOptionsTest::hiddenInCohortName)
                    && !taken.contains(norm.toLowerCase(Locale.ROOT));
            long after = w.count("cohort");
            if (o.get().ok()) {
                if (hasId || !nameOk) {
                    defect(what, "accepted " + (hasId ? "an identifier" : "a bad name"));
                }
                Optional<Cohort> made = w.cohorts.byName("1", norm);
                if (made.isEmpty() || !made.get().name().equals(norm)) {
                    defect(what, "stored differently");
                }
                taken.add(norm.toLowerCase(Locale.ROOT));
            } else if (after != before) {
                defect(what, "refused but stored");
            }
        }
    }

    /** A cohort's name may not hold a control, a line or paragraph separator, or a bidirectional control. */
    static boolean hiddenInCohortName(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || cp == 0x200E
                || cp == 0x200F
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    /** Characters a home's name must not hide: controls, format characters (bidi overrides), line and paragraph separators. */
    static boolean hidden(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    private void enrolments(Random r, int n) {
        Cohort cohort = cohort("Enrolment cohort");
        long nextManager = 300_000_000_000_000_000L;
        for (int i = 0; i < n; i++) {
            boolean identifier = r.nextInt(6) == 0;
            String name =
                    r.nextInt(8) == 0 ? HostileText.text(r, 80, identifier) : HostileText.oneLine(r, 80, identifier);
            String manager = String.valueOf(nextManager++);
            String what = "/cohort enrol home:" + name;
            long before = w.count("home");
            Optional<Outcome> o = call(what, () -> w.enrolment.enrol(COACH, cohort, name, manager), 2);
            if (o.isEmpty()) {
                continue;
            }
            noEcho(what, o.get());
            boolean hasId = HostileText.identifierIn(name) != null;
            String norm = Normalizer.normalize(
                    INVISIBLE
                            .matcher(oneLine(name))
                            .replaceAll("")
                            .replaceAll("\\p{Zs}+", " ")
                            .strip(),
                    Normalizer.Form.NFC);
            long after = w.count("home");
            if (o.get().ok()) {
                Optional<Home> home = w.homes.managedBy(cohort.id(), manager);
                if (hasId) {
                    defect(what, "accepted an identifier");
                }
                if (home.isEmpty()) {
                    defect(what, "accepted but the manager is not enrolled");
                } else if (after > before && !home.get().name().equals(norm)) {
                    defect(what, "stored differently: " + show(home.get().name()));
                } else if (home.get().name().codePoints().anyMatch(HostileCommandOptionsTest::hidden)) {
                    defect(what, "stored a hidden character");
                }
            } else if (after != before) {
                defect(what, "refused but stored");
            }
        }
    }

    private void measures(Random r, int n) {
        Cohort cohort = cohort("Measure cohort 0");
        int cohortsUsed = 1;
        List<String> directions = List.of("increase", "decrease", "neutral");
        for (int i = 0; i < n; i++) {
            if (w.measures.inCohort(cohort.id()).size() >= MeasureDefinitionService.MAX_MEASURES) {
                cohort = cohort("Measure cohort " + cohortsUsed++);
            }
            boolean identifier = r.nextInt(6) == 0;
            int where = r.nextInt(4);
            String name = r.nextInt(3) == 0
                    ? "Falls " + i
                    : title(r, MeasureDefinitionService.NAME_MAX, identifier && where == 0);
            String unit =
                    r.nextInt(3) == 0 ? "falls" : title(r, MeasureDefinitionService.UNIT_MAX, identifier && where == 1);
            boolean rate = r.nextBoolean();
            Optional<String> num = rate
                    ? Optional.of(
                            r.nextBoolean()
                                    ? "falls"
                                    : title(r, MeasureDefinitionService.LABEL_MAX, identifier && where == 2))
                    : Optional.empty();
            Optional<String> den = rate
                    ? Optional.of(
                            r.nextBoolean()
                                    ? "bed days"
                                    : title(r, MeasureDefinitionService.LABEL_MAX, identifier && where == 3))
                    : Optional.empty();
            String direction = directions.get(r.nextInt(3));
            OptionalDouble target = r.nextInt(3) == 0
                    ? OptionalDouble.empty()
                    : OptionalDouble.of(List.of(0.0, -1.5, 1e15, -1e15, 9_007_199_254_740_991.0, 1e-9, 12.0)
                            .get(r.nextInt(7)));
            Optional<String> frequency = List.of(
                            Optional.<String>empty(), Optional.of("weekly"), Optional.of("monthly"))
                    .get(r.nextInt(3));
            OptionalDouble per = rate && r.nextBoolean()
                    ? OptionalDouble.of(
                            List.of(0.000001, 100.0, 1000.0, 1_000_000.0).get(r.nextInt(4)))
                    : OptionalDouble.empty();
            MeasureDefinitionService.Definition d =
                    new MeasureDefinitionService.Definition(name, unit, direction, target, frequency, num, den, per);
            String what = "/measure add name:" + name + " unit:" + unit + " numerator_label:" + num.orElse("")
                    + " denominator_label:" + den.orElse("");
            Cohort c = cohort;
            int before = w.measures.inCohort(c.id()).size();
            Optional<Outcome> o = call(what, () -> outcome(w.measureAdmin.add(COACH, c, d)), 9);
            if (o.isEmpty()) {
                continue;
            }
            noEcho(what, o.get());
            boolean hasId =
                    HostileText.identifierIn(name + " " + unit + " " + num.orElse("") + " " + den.orElse("")) != null;
            List<Measure> after = w.measures.inCohort(c.id());
            if (o.get().ok()) {
                if (hasId) {
                    defect(what, "accepted an identifier");
                }
                Measure m = after.get(after.size() - 1);
                if (!m.name().equals(name.strip())
                        || !m.unit().equals(unit.strip())
                        || !m.rate().map(x -> x.numeratorLabel()).equals(num.map(String::strip))
                        || !m.rate().map(x -> x.denominatorLabel()).equals(den.map(String::strip))) {
                    defect(what, "stored differently");
                }
                for (String s : List.of(m.name(), m.unit(), num.orElse(""), den.orElse(""))) {
                    if (HostileText.hasLineBreak(s.strip())) {
                        defect(what, "a measure's name or label has a line break");
                    }
                }
            } else {
                if (after.size() != before) {
                    defect(what, "refused but stored");
                }
                boolean plain = name.strip().length() > 0
                        && unit.strip().length() > 0
                        && !hasId
                        && (name + unit + num.orElse("") + den.orElse(""))
                                .chars()
                                .noneMatch(ch -> ch == '@'
                                        || ch == '<'
                                        || ch == '\n'
                                        || ch == '\r'
                                        || ch == '\u2028'
                                        || ch == '\u2029'
                                        || ch == '\u0085')
                        && HostileText.length(name.strip()) <= MeasureDefinitionService.NAME_MAX
                        && HostileText.length(unit.strip()) <= MeasureDefinitionService.UNIT_MAX
                        && num.map(x -> HostileText.length(x.strip()) <= MeasureDefinitionService.LABEL_MAX
                                        && !x.isBlank())
                                .orElse(true)
                        && den.map(x -> HostileText.length(x.strip()) <= MeasureDefinitionService.LABEL_MAX
                                        && !x.isBlank())
                                .orElse(true)
                        && !(direction.equals("neutral") && target.isPresent())
                        && after.stream().noneMatch(m -> m.name().equalsIgnoreCase(name.strip()));
                if (plain && o.get().message().contains("at most")) {
                    defect(
                            what,
                            "refused for its length although within Discord's count: "
                                    + o.get().message());
                }
            }
        }
    }
}
