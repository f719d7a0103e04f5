package uk.stepup.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.stepup.app.Reports;
import uk.stepup.checkins.CheckinAnswers;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.ProgrammeCalendar;
import uk.stepup.hostile.Defects;
import uk.stepup.hostile.ExportCheck;
import uk.stepup.hostile.HostileCsv;
import uk.stepup.hostile.HostileText;
import uk.stepup.measures.MeasureDefinitionService;
import uk.stepup.sandbox.InteractionHandle;
import uk.stepup.sandbox.SandboxAttachment;
import uk.stepup.sandbox.SandboxChannel;
import uk.stepup.sandbox.SandboxMessage;
import uk.stepup.sandbox.SandboxModal;
import uk.stepup.sandbox.SandboxUser;
import uk.stepup.tasks.Session;
import uk.stepup.tasks.SessionService;
import uk.stepup.tasks.Task;
import uk.stepup.tasks.TaskService;

/**
 * Generated hostile input through the sandbox and the real JDA client: every command that takes text or a file, the
 * check-in and measures modals, malformed CSV imports, then the export of everything that was stored. Each
 * interaction must be answered in time, privately, with a message that is not an apology for a crash, pings nobody
 * and repeats no identifier; whatever the bot posts must stay within Discord's limits (the sandbox records a
 * violation otherwise) and carry no live mention; what was accepted is stored as typed (after the documented
 * clean-up) and no identifier reaches the database. The domain suites ({@code uk.stepup.hostile}) send many more of
 * the same through the use cases directly.
 *
 * <p>Rate limits are suspended while the generated commands run: the subject is what is sent, not how fast. JDA
 * refuses a scheduled event that starts before the computer's real clock, so the simulated calendar is a year ahead.
 * {@code -Dhostile.scale=N} sends N times as many interactions (default 1: about 1,300 in under a minute).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputEndToEndTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final int SCALE = Integer.getInteger("hostile.scale", 1);
    static final LocalDate START = ProgrammeCalendar.mondayOf(
                    LocalDate.now(ZoneOffset.UTC).plusYears(1))
            .plusWeeks(1);
    static final String COHORT = "Hostile";
    /** A mention Discord would render live (and ping, were mentions allowed). */
    static final Pattern LIVE_MENTION = Pattern.compile("@everyone|@here|<@!?[0-9]+>|<@&[0-9]+>|<#[0-9]+>");

    static final String APOLOGY = "something went wrong on our side";

    @RegisterExtension
    static final EndToEnd e2e = EndToEnd.startingAt(at(-5, "10:00"));

    BotHarness h;
    Defects defects = new Defects();
    final List<SandboxUser> people = new ArrayList<>();
    final Map<String, Integer> interactions = new LinkedHashMap<>();
    int options;
    int clientRefusals;
    int files;
    long startedAt;

    static Instant at(int days, String time) {
        return START.plusDays(days)
                .atTime(LocalTime.parse(time))
                .atZone(BotHarness.LONDON)
                .toInstant();
    }

    @BeforeAll
    void start() throws Exception {
        startedAt = System.nanoTime();
        h = e2e.harness();
        h.sandbox.suspendRateLimits(true);
        for (int i = 0; i < 160 * SCALE; i++) {
            SandboxUser u = h.sandbox.createUser("person" + i, "Person " + i);
            h.guild.addMember(u);
            people.add(u);
        }
        answered(
                "setup",
                h.sandbox
                        .as(h.coach, h.guild)
                        .slash("cohort create", Map.of("name", COHORT, "start", START.toString()), h.general));
        StringBuilder csv =
                new StringBuilder("home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led\n");
        csv.append("Oak House,1-123456789,")
                .append(h.alice.id())
                .append(';')
                .append(h.carol.id())
                .append(",Good,,,,,\n");
        csv.append("Elm Court,,").append(h.bob.id()).append(",Good,,,,,\n");
        for (int i = 0; i < 6; i++) {
            csv.append("Home ")
                    .append(i)
                    .append(",,")
                    .append(people.get(i).id())
                    .append(",,,,,,\n");
        }
        answered(
                "setup",
                h.sandbox
                        .as(h.coach, h.guild)
                        .slash(
                                "cohort import",
                                Map.of(
                                        "file",
                                        SandboxAttachment.of(
                                                "homes.csv",
                                                "text/csv",
                                                csv.toString().getBytes(StandardCharsets.UTF_8))),
                                announcements()));
        h.setupReport(COHORT);
        h.at(at(0, "09:00"));
        h.clock.set(at(0, "10:00"));
    }

    @AfterAll
    void stop() {
        System.out.printf(
                "Hostile input over Discord: %,d interactions (%s), %,d options, %,d values refused by"
                        + " the Discord client, %,d CSV files, %d s%n",
                interactions.values().stream().mapToInt(Integer::intValue).sum(),
                interactions,
                options,
                clientRefusals,
                files,
                (System.nanoTime() - startedAt) / 1_000_000_000);
    }

    private Cohort cohort() {
        return h.bot.cohorts.byName(h.guild.id(), COHORT).orElseThrow();
    }

    private SandboxChannel announcements() {
        return h.guild.channelByName("SUO · " + COHORT, "announcements").orElseThrow();
    }

    private void defect(String command, String problem, String input) {
        defects.add(
                command + " " + (problem.contains(":") ? problem.substring(0, problem.indexOf(':')) : problem),
                problem,
                input);
    }

    // ---- every interaction's reply ----

    /** Runs a slash command as the person; the answer, checked. */
    private Optional<SandboxMessage> slash(SandboxUser who, String command, Map<String, ?> values) {
        return slash(who, command, values, announcements());
    }

    private Optional<SandboxMessage> slash(
            SandboxUser who, String command, Map<String, ?> values, SandboxChannel where) {
        interactions.merge(command, 1, Integer::sum);
        options += values.size();
        InteractionHandle handle;
        try {
            handle = h.sandbox.as(who, h.guild).slash(command, values, where);
        } catch (IllegalArgumentException e) {
            defect(command, "the Discord client refused a generated value: " + e.getMessage(), values.toString());
            return Optional.empty();
        }
        return answered(command + " " + values, handle);
    }

    /**
     * Checks an interaction's answer: in time, only for the person, not an apology, pings nobody, repeats no
     * identifier.
     */
    private Optional<SandboxMessage> answered(String what, InteractionHandle handle) {
        String command = what.split(" \\{", 2)[0];
        handle.awaitResponse(WAIT);
        if (handle.failed()) {
            defect(command, "not answered: " + handle.failure().orElse(""), what);
            return Optional.empty();
        }
        if (handle.callbackType() != null && handle.callbackType() == 9) {
            return Optional.empty();
        }
        if (!handle.isEphemeral()) {
            defect(command, "the reply is not private", what);
        }
        SandboxMessage reply = handle.awaitReply(WAIT);
        String text = reply.allText();
        if (text.isBlank()) {
            defect(command, "an empty reply", what);
        }
        if (text.contains(APOLOGY)) {
            defect(command, "crashed: " + text, what);
        }
        if (!reply.pingedNobody()) {
            defect(command, "the reply pinged someone", what);
        }
        String core = HostileText.identifierIn(text);
        if (core != null) {
            defect(command, "the reply repeats an identifier (" + core + ")", what);
        }
        if (HostileText.halfCharacter(text)) {
            defect(command, "the reply has half a character (a surrogate pair cut in two)", what);
        }
        return Optional.of(reply);
    }

    /** A post in a channel everyone sees: no live mention. */
    private void inert(String command, SandboxMessage post, String what) {
        if (LIVE_MENTION.matcher(post.allText()).find()) {
            defect(command, "a post has a live mention: " + post.allText(), what);
        }
        if (!post.pingedNobody()) {
            defect(command, "a post pinged someone", what);
        }
        if (HostileText.halfCharacter(post.allText())) {
            defect(command, "a post has half a character (a surrogate pair cut in two)", what);
        }
    }

    private static String noZwsp(String s) {
        return s.replace("\u200b", "");
    }

    private List<SandboxMessage> posts(SandboxChannel channel) {
        return channel.messages().stream().filter(m -> !m.isEphemeral()).toList();
    }

    // ---- 1. every text option has a limit that the client enforces ----

    @Test
    @Order(1)
    void every_text_option_declares_a_maximum_that_the_discord_client_enforces() {
        Map<String, Object> fill = new LinkedHashMap<>();
        fill.put("title", "A title");
        fill.put("due", START.plusDays(3).toString());
        fill.put("when", START.plusDays(3) + " 14:00");
        fill.put("link", "https://zoom.us/j/1");
        fill.put("message", "Hello");
        fill.put("name", "Limit");
        fill.put("unit", "count");
        fill.put("direction", "decrease");
        fill.put("home", "Limit House");
        fill.put("manager", people.get(150 * SCALE));
        fill.put("measure", "Falls");
        fill.put("from", 9);
        fill.put("to", 5);
        fill.put("by", "June 2027");
        fill.put(
                "file",
                SandboxAttachment.of("x.csv", "text/csv", "measure,period,value\n".getBytes(StandardCharsets.UTF_8)));
        Random r = new Random(7);
        int checked = 0;
        for (var command : h.guild.commands()) {
            JsonNode json = command.json();
            List<JsonNode> subs = new ArrayList<>();
            boolean hasSubs = false;
            for (JsonNode o : json.path("options")) {
                if (o.path("type").asInt() == 1) {
                    subs.add(o);
                    hasSubs = true;
                }
            }
            if (!hasSubs) {
                subs.add(json);
            }
            for (JsonNode sub : subs) {
                String name = command.name() + (hasSubs ? " " + sub.path("name").asText() : "");
                for (JsonNode option : sub.path("options")) {
                    if (option.path("type").asInt() != 3 || option.has("choices")) {
                        continue;
                    }
                    String optionName = option.path("name").asText();
                    assertThat(option.has("max_length"))
                            .as("/%s %s declares a max_length", name, optionName)
                            .isTrue();
                    int max = option.path("max_length").asInt();
                    assertThat(max).as("Discord caps string options at 6000").isLessThanOrEqualTo(6000);
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (JsonNode other : sub.path("options")) {
                        if (other.path("required").asBoolean(false)) {
                            values.put(
                                    other.path("name").asText(),
                                    fill.get(other.path("name").asText()));
                        }
                    }
                    values.put(optionName, HostileText.astral(r, max + 1));
                    try {
                        h.sandbox.as(h.coach, h.guild).slash(name, values, announcements());
                        defect("/" + name, "the Discord client sent " + optionName + " longer than its max_length", "");
                    } catch (IllegalArgumentException expected) {
                        clientRefusals++;
                    }
                    // Exactly the maximum, counted as Discord counts: every character outside the BMP.
                    values.put(optionName, HostileText.astral(r, max));
                    slash(h.coach, name, values);
                    checked++;
                }
            }
        }
        // A task's details at Discord's own cap for any string option never reach the bot either.
        try {
            h.sandbox
                    .as(h.coach, h.guild)
                    .slash(
                            "task create",
                            Map.of("title", "x", "due", START.toString(), "details", "d".repeat(6000)),
                            announcements());
            defect("/task create", "6000-character details reached the bot", "");
        } catch (IllegalArgumentException expected) {
            clientRefusals++;
        }
        assertThat(checked).as("text options checked").isGreaterThanOrEqualTo(15);
        assertThat(defects.found()).isEmpty();
    }

    // ---- 2. generated options for every coach command ----

    @Test
    @Order(2)
    void generated_options_for_every_command_are_answered_stored_as_typed_and_posted_within_limits() {
        defects = new Defects();
        Random r = new Random(20273);
        tasks(r, 250 * SCALE);
        broadcasts(r, 200 * SCALE);
        sessions(r, 60 * SCALE);
        measures(r, 100 * SCALE);
        cohorts(r, 60 * SCALE);
        enrolments(r, 100 * SCALE);
        cohortOption(r, 100 * SCALE);
        assertThat(defects.found()).as("defects in generated options").isEmpty();
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\s\\u0085\\u2028\\u2029]+", " ").strip();
    }

    private void tasks(Random r, int n) {
        List<String> good = new ArrayList<>();
        for (int d = 0; d < 40; d++) {
            good.add(START.plusDays(d).toString());
        }
        for (int i = 0; i < n; i++) {
            String title = r.nextInt(10) == 0
                    ? HostileText.text(r, TaskService.TITLE_MAX, r.nextInt(5) == 0)
                    : HostileText.oneLine(r, TaskService.TITLE_MAX, r.nextInt(5) == 0);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("title", title);
            values.put("due", HostileText.cut(HostileText.structured(r, good), 10));
            if (r.nextBoolean()) {
                values.put("details", HostileText.text(r, TaskService.DETAILS_MAX, r.nextInt(5) == 0));
            }
            if (HostileText.length(values.get("due").toString()) == 0) {
                values.put("due", "x");
            }
            long before = h.bot.tasks.forCohort(cohort().id()).stream()
                    .mapToLong(Task::id)
                    .max()
                    .orElse(0);
            Optional<SandboxMessage> reply = slash(h.coach, "task create", values);
            List<Task> made = h.bot.tasks.forCohort(cohort().id()).stream()
                    .filter(t -> t.id() > before)
                    .toList();
            if (reply.isEmpty() || made.isEmpty()) {
                continue;
            }
            Task t = made.get(0);
            String what = values.toString();
            if (!t.title().equals(oneLine(title))) {
                defect("/task create", "stored a different title", what);
            }
            Optional<String> details = Optional.ofNullable((String) values.get("details"))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty());
            if (!t.details().equals(details)) {
                defect("/task create", "stored different details", what);
            }
            SandboxMessage post = h.sandbox.message(t.messageId().orElseThrow()).orElseThrow();
            inert("/task create", post, what);
            String shown = noZwsp(post.allText());
            if (!shown.contains(noZwsp(t.title())) || !shown.contains(noZwsp(details.orElse("")))) {
                defect("/task create", "the post does not show the task as typed", what);
            }
        }
    }

    private void broadcasts(Random r, int n) {
        for (int i = 0; i < n; i++) {
            String text =
                    r.nextInt(15) == 0 ? HostileText.astral(r, 2000) : HostileText.text(r, 2000, r.nextInt(5) == 0);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("message", text);
            if (r.nextInt(5) == 0) {
                values.put("cohort", r.nextBoolean() ? "all" : COHORT);
            }
            int before = posts(announcements()).size();
            Optional<SandboxMessage> reply = slash(h.coach, "broadcast", values);
            List<SandboxMessage> after = posts(announcements());
            if (reply.isEmpty() || after.size() == before) {
                continue;
            }
            String what = values.toString();
            StringBuilder shown = new StringBuilder();
            for (SandboxMessage m : after.subList(before, after.size())) {
                inert("/broadcast", m, what);
                m.embeds().forEach(e -> shown.append(e.description()));
            }
            if (!noZwsp(shown.toString()).equals(noZwsp(text.strip()))) {
                defect("/broadcast", "the post is not the message as written", what);
            }
        }
    }

    private void sessions(Random r, int n) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        List<String> good = new ArrayList<>();
        for (int d = 1; d < 200; d += 3) {
            good.add(f.format(START.plusDays(d).atTime(14, 0)));
        }
        List<String> links = List.of(
                "https://zoom.us/j/123456789",
                "https://x.y/" + "a".repeat(490),
                "javascript:alert(1)",
                "[call](https://evil.example)",
                "https://<@123456789012345678>",
                "https://пример.рф/",
                " https://zoom.us/j/2 ",
                "https://zoom.us/j/1#" + "ä".repeat(300),
                "https://zoom.us/j/1?x=@everyone");
        for (int i = 0; i < n; i++) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("when", HostileText.cut(HostileText.structured(r, good), 20));
            if (values.get("when").toString().isEmpty()) {
                values.put("when", "x");
            }
            values.put("link", links.get(r.nextInt(links.size())));
            if (r.nextInt(4) > 0) {
                values.put("title", HostileText.text(r, SessionService.TITLE_MAX, r.nextInt(5) == 0));
            }
            long before = h.bot.sessions.forCohort(cohort().id()).stream()
                    .mapToLong(Session::id)
                    .max()
                    .orElse(0);
            Optional<SandboxMessage> reply = slash(h.coach, "session schedule", values);
            List<Session> made = h.bot.sessions.forCohort(cohort().id()).stream()
                    .filter(s -> s.id() > before)
                    .toList();
            if (reply.isEmpty() || made.isEmpty()) {
                continue;
            }
            Session s = made.get(0);
            String what = values.toString();
            String title = Optional.ofNullable((String) values.get("title"))
                    .map(HostileInputEndToEndTest::oneLine)
                    .filter(t -> !t.isEmpty())
                    .orElse(SessionService.DEFAULT_TITLE);
            if (!s.title().equals(title)
                    || !s.link().equals(values.get("link").toString().strip())) {
                defect("/session schedule", "stored differently", what);
            }
            SandboxMessage post = h.sandbox.message(s.messageId().orElseThrow()).orElseThrow();
            inert("/session schedule", post, what);
        }
    }

    private void measures(Random r, int n) {
        for (int i = 0; i < n; i++) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put(
                    "name",
                    r.nextInt(4) == 0
                            ? "Measure " + i
                            : HostileText.oneLine(r, MeasureDefinitionService.NAME_MAX, r.nextInt(6) == 0));
            values.put("unit", HostileText.oneLine(r, MeasureDefinitionService.UNIT_MAX, false));
            values.put("direction", List.of("increase", "decrease", "neutral").get(r.nextInt(3)));
            if (r.nextBoolean()) {
                values.put("numerator_label", HostileText.oneLine(r, MeasureDefinitionService.LABEL_MAX, false));
                values.put("denominator_label", HostileText.oneLine(r, MeasureDefinitionService.LABEL_MAX, false));
                values.put("per", List.of(1.0, 100.0, 1000.0).get(r.nextInt(3)));
            }
            if (r.nextInt(3) == 0) {
                values.put("target", List.of(0.0, 2.5, -1.0, 1e15).get(r.nextInt(4)));
            }
            slash(h.coach, "measure add", values);
        }
    }

    private void cohorts(Random r, int n) {
        List<String> mondays = List.of(
                START.toString(),
                START.plusWeeks(4).toString(),
                START.minusWeeks(1).toString());
        for (int i = 0; i < n; i++) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put(
                    "name",
                    r.nextInt(5) == 0
                            ? HostileText.text(r, 60, r.nextInt(5) == 0)
                            : HostileText.oneLine(r, 60, r.nextInt(5) == 0));
            if (r.nextBoolean()) {
                values.put("start", HostileText.cut(HostileText.structured(r, mondays), 10));
            }
            if (r.nextInt(4) == 0) {
                values.put(
                        "zone",
                        List.of("Europe/London", "Mars/Olympus", "+14:00", "@everyone", "<@123456789012345678>")
                                .get(r.nextInt(5)));
            }
            if (values.containsKey("start") && values.get("start").toString().isEmpty()) {
                values.remove("start");
            }
            String name = values.get("name").toString();
            Optional<SandboxMessage> reply = slash(h.coach, "cohort create", values, h.general);
            Optional<Cohort> made = h.bot.cohorts.byName(h.guild.id(), name.strip());
            if (reply.isPresent() && made.isPresent() && made.get().name().equals(name.strip())) {
                h.guild.categoryByName("SUO · " + name.strip()).ifPresent(c -> {
                    for (SandboxChannel ch : h.guild.channelsIn(c)) {
                        posts(ch).forEach(m -> inert("/cohort create", m, values.toString()));
                    }
                });
            }
        }
    }

    private void enrolments(Random r, int n) {
        for (int i = 0; i < n; i++) {
            SandboxUser manager = people.get(10 + i % (140 * SCALE));
            Map<String, Object> values = new LinkedHashMap<>();
            values.put(
                    "home",
                    r.nextInt(5) == 0
                            ? HostileText.text(r, 80, r.nextInt(5) == 0)
                            : HostileText.oneLine(r, 80, r.nextInt(5) == 0));
            values.put("manager", manager);
            Optional<SandboxMessage> reply = slash(h.coach, "cohort enrol", values);
            Optional<Home> home = h.bot.homes.managedBy(cohort().id(), manager.id());
            if (reply.isPresent() && home.isPresent() && home.get().channelId().isPresent()) {
                SandboxChannel channel =
                        h.sandbox.channel(home.get().channelId().get()).orElseThrow();
                if (!channel.canView(manager)) {
                    defect("/cohort enrol", "the manager cannot see the home's channel", values.toString());
                }
            }
        }
    }

    /** Hostile text in every command's cohort option: a plain "no such cohort", echoed safely. */
    private void cohortOption(Random r, int n) {
        List<String> commands =
                List.of("task list", "cohort status", "measure list", "export", "cohort pause", "broadcast");
        for (int i = 0; i < n; i++) {
            String command = commands.get(i % commands.size());
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("cohort", HostileText.oneLine(r, 60, r.nextInt(4) == 0));
            if (command.equals("broadcast")) {
                values.put("message", "Hello");
            }
            Optional<SandboxMessage> reply = slash(h.coach, command, values, h.general);
            if (reply.isPresent() && !reply.get().attachments().isEmpty()) {
                defect("/" + command, "files for a cohort that does not exist", values.toString());
            }
        }
    }

    // ---- 3. the check-in and measures modals ----

    @Test
    @Order(3)
    void generated_check_ins_through_the_real_modal_round_trip_and_never_store_an_identifier() {
        defects = new Defects();
        Random r = new Random(20274);
        List<SandboxUser> managers = new ArrayList<>(List.of(h.alice, h.bob, h.carol));
        managers.addAll(people.subList(0, 6));
        int n = 150 * SCALE;
        for (int i = 0; i < n; i++) {
            SandboxUser who = managers.get(i % managers.size());
            interactions.merge("checkin", 1, Integer::sum);
            InteractionHandle open =
                    h.sandbox.as(who, h.guild).slash("checkin", h.general).awaitResponse(WAIT);
            if (open.failed() || open.callbackType() != 9) {
                defect("/checkin", "no modal", who.displayName());
                continue;
            }
            boolean identifier = r.nextInt(5) == 0;
            Map<String, Object> values = new LinkedHashMap<>();
            values.put(
                    "rating",
                    List.of(List.of("inadequate", "requires_improvement", "good", "outstanding")
                            .get(r.nextInt(4))));
            String did = HostileText.text(r, CheckinAnswers.DID_MAX, identifier);
            values.put("did", did.isBlank() ? "x" : did);
            values.put("evidence", HostileText.text(r, CheckinAnswers.EVIDENCE_MAX, false));
            values.put("next", HostileText.oneLine(r, CheckinAnswers.NEXT_STEP_MAX, false));
            values.put("highlight", HostileText.text(r, CheckinAnswers.HIGHLIGHT_MAX, false));
            interactions.merge("check-in modal", 1, Integer::sum);
            options += values.size();
            InteractionHandle submit;
            try {
                submit = h.sandbox.as(who, h.guild).submitModal(open.modal(), values);
            } catch (IllegalArgumentException e) {
                defect(
                        "/checkin",
                        "the Discord client refused a generated value: " + e.getMessage(),
                        values.toString());
                continue;
            }
            Optional<SandboxMessage> reply = answered("check-in modal " + values, submit);
            if (reply.isEmpty()) {
                continue;
            }
            Home home = h.bot.homes.managedBy(cohort().id(), who.id()).orElseThrow();
            var stored = h.bot.checkins.find(home.id(), 1);
            String content = reply.get().content();
            if (content.contains("Saved your week")) {
                CheckinAnswers a = stored.orElseThrow().answers();
                if (identifier && HostileText.identifierIn(did) != null) {
                    defect("/checkin", "saved an identifier", values.toString());
                }
                if (!a.didThisWeek().equals(values.get("did").toString().strip())
                        || !a.evidence()
                                .equals(Optional.of(values.get("evidence")
                                                .toString()
                                                .strip())
                                        .filter(s -> !s.isEmpty()))
                        || !a.highlight()
                                .equals(Optional.of(values.get("highlight")
                                                .toString()
                                                .strip())
                                        .filter(s -> !s.isEmpty()))) {
                    defect("/checkin", "stored differently", values.toString());
                }
            }
            // Now and then the manager also adds this week's measures with whatever they typed.
            reply.get().buttons().stream()
                    .filter(b -> b.label().startsWith("Add this week's measures"))
                    .findFirst()
                    .ifPresent(b -> {
                        if (r.nextInt(2) == 0) {
                            measuresForm(r, who, reply.get(), b.label());
                        }
                    });
            for (String share : List.of("Share with our name", "Don't share")) {
                if (reply.get().button(share).isPresent() && r.nextInt(3) == 0) {
                    interactions.merge("share button", 1, Integer::sum);
                    answered("share button", h.sandbox.as(who, h.guild).clickLabel(reply.get(), share));
                    break;
                }
            }
            reply.get().button("Save as written").ifPresent(b -> {
                interactions.merge("Save as written", 1, Integer::sum);
                answered("Save as written", h.sandbox.as(who, h.guild).clickLabel(reply.get(), "Save as written"));
            });
        }
        assertThat(h.bot.checkins.find(
                        h.bot.homes
                                .managedBy(cohort().id(), h.alice.id())
                                .orElseThrow()
                                .id(),
                        1))
                .isPresent();
        assertThat(defects.found()).as("defects in generated check-ins").isEmpty();
    }

    private void measuresForm(Random r, SandboxUser who, SandboxMessage reply, String label) {
        interactions.merge("measures button", 1, Integer::sum);
        InteractionHandle open =
                h.sandbox.as(who, h.guild).clickLabel(reply, label).awaitResponse(WAIT);
        if (open.failed()) {
            defect("measures form", "not answered", "");
            return;
        }
        if (open.callbackType() != 9) {
            answered("measures button", open);
            return;
        }
        SandboxModal form = open.modal();
        List<String> typed = List.of(
                "3",
                "0",
                "12.5",
                "1,736",
                "-1",
                "1e309",
                "NaN",
                "=1+1",
                "@everyone",
                "٣",
                "３",
                "3 falls",
                "'; DROP TABLE measure_value;--",
                "9434765919",
                "0x1F",
                "",
                " ",
                "\u200b",
                "1" + "0".repeat(19));
        Map<String, Object> values = new LinkedHashMap<>();
        for (SandboxModal.Field f : form.fields()) {
            values.put(f.customId(), HostileText.cut(typed.get(r.nextInt(typed.size())), f.maxLength()));
        }
        interactions.merge("measures modal", 1, Integer::sum);
        options += values.size();
        Optional<SandboxMessage> saved =
                answered("measures modal " + values, h.sandbox.as(who, h.guild).submitModal(form, values));
        // A refused page offers to reopen it pre-filled; the next page follows a saved one.
        saved.flatMap(m -> m.buttons().stream()
                        .filter(b -> b.label().startsWith("Add this week's measures")
                                || b.label().startsWith("Fix"))
                        .findFirst())
                .ifPresent(b -> {
                    if (r.nextBoolean()) {
                        measuresForm(r, who, saved.get(), b.label());
                    }
                });
    }

    // ---- 4. malformed CSV files as attachments ----

    private Optional<SandboxMessage> attach(
            SandboxUser who, String command, HostileCsv.File f, String filename, SandboxChannel where) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("file", SandboxAttachment.of(filename, "text/csv", f.bytes()));
        interactions.merge(command, 1, Integer::sum);
        options++;
        files++;
        Optional<SandboxMessage> reply =
                answered(command + " " + f, h.sandbox.as(who, h.guild).slash(command, values, where));
        if (command.equals("cohort import")
                && reply.isPresent()
                && reply.get().content().startsWith("The file is good")) {
            // The file passed the quick checks; the import's outcome is the report in #coaches.
            return Optional.of(h.setupReport("CSV homes"));
        }
        return reply;
    }

    private long count(String sql) {
        return h.bot.database.read(c -> {
            try (var st = c.createStatement();
                    var rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** An import's answer: what every import answer must be, and nothing stored unless it says so. */
    private void imported(String command, HostileCsv.File f, Optional<SandboxMessage> reply, long before, long after) {
        if (reply.isEmpty()) {
            return;
        }
        // A set-up report starts by mentioning the coach who started the import, and only them.
        String text = reply.get().content().replaceFirst("^<@\\d+> ", "").replaceFirst("^(⚠️|⛔) ", "");
        boolean ok = text.startsWith("Imported");
        for (String p :
                HostileCsv.answerProblems(text, ok, HostileCsv.lines(new String(f.bytes(), StandardCharsets.UTF_8)))) {
            defect(command, p, f.toString());
        }
        if (!ok && after != before) {
            defect(command, "half-imported: " + (after - before) + " rows stored after " + text, f.toString());
        }
    }

    @Test
    @Order(4)
    void malformed_csv_attachments_get_a_line_by_line_answer_and_import_all_or_nothing() {
        defects = new Defects();
        SandboxChannel where = announcements();
        answered(
                "setup",
                h.sandbox
                        .as(h.coach, h.guild)
                        .slash("cohort create", Map.of("name", "CSV homes", "start", START.toString()), h.general));
        SandboxChannel csvAnnouncements =
                h.guild.channelByName("SUO · CSV homes", "announcements").orElseThrow();
        long cohortId =
                h.bot.cohorts.byName(h.guild.id(), "CSV homes").orElseThrow().id();
        String homes = "SELECT count(*) FROM home WHERE cohort_id = " + cohortId;
        List<HostileCsv.File> enrolment = new ArrayList<>(HostileCsv.enrolmentFiles(300_000_000_000_000_000L));
        Random r = new Random(20278);
        List<String> members =
                people.subList(100, 140 * SCALE).stream().map(SandboxUser::id).toList();
        for (int i = 0; i < 40 * SCALE; i++) {
            int from = r.nextInt(members.size() - 8);
            enrolment.add(HostileCsv.mutate(
                    r,
                    HostileCsv.goodEnrolment(members.subList(from, from + 2 + 2 * r.nextInt(3)), "\r\n"),
                    "generated " + i));
        }
        for (HostileCsv.File f : enrolment) {
            long before = count(homes);
            Optional<SandboxMessage> reply = attach(h.coach, "cohort import", f, "homes.csv", csvAnnouncements);
            imported("/cohort import", f, reply, before, count(homes));
            if (f.name().contains("not on the server")
                    && reply.isPresent()
                    && !reply.get().content().contains("is not a member of this Discord server")) {
                defect(
                        "/cohort import",
                        "a manager who is not on the server was not named",
                        reply.get().content());
            }
        }
        // A good file with managers on the server is imported, channels and all.
        long before = count(homes);
        HostileCsv.File good = new HostileCsv.File(
                "good",
                HostileCsv.goodEnrolment(
                                List.of(people.get(150).id(), people.get(151).id()), "\n")
                        .replace("Home 0", "Quiet Meadow"));
        Optional<SandboxMessage> done = attach(h.coach, "cohort import", good, "homes.csv", csvAnnouncements);
        assertThat(done.orElseThrow().content()).contains("Imported 1 home with 2 managers");
        assertThat(count(homes)).isEqualTo(before + 1);

        // Not a CSV, or too big to take: refused from what Discord says about the file, before it is read.
        for (var bad : List.of(
                SandboxAttachment.of("homes.xlsx", new byte[] {'P', 'K', 3, 4}),
                SandboxAttachment.of("homes.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
                SandboxAttachment.of("homes.csv", "text/csv", new byte[1_500_000]),
                SandboxAttachment.of("homes.csv", "text/csv", new byte[12 * 1024 * 1024]))) {
            long b = count(homes);
            interactions.merge("cohort import", 1, Integer::sum);
            files++;
            Optional<SandboxMessage> reply = answered(
                    "cohort import " + bad,
                    h.sandbox.as(h.coach, h.guild).slash("cohort import", Map.of("file", bad), csvAnnouncements));
            assertThat(reply.orElseThrow().content())
                    .as(bad.toString())
                    .containsAnyOf("Attach a .csv file", "up to 1 MB");
            assertThat(count(homes)).isEqualTo(b);
        }

        // A manager's measure history: a cohort with two measures and a manager of its own.
        SandboxUser manager = people.get(152);
        slash(h.coach, "cohort enrol", Map.of("home", "History House", "manager", manager), csvAnnouncements);
        slash(
                h.coach,
                "measure add",
                Map.of("name", "Falls", "unit", "falls", "direction", "decrease"),
                csvAnnouncements);
        slash(
                h.coach,
                "measure add",
                Map.of(
                        "name",
                        "Falls rate",
                        "unit",
                        "per 1,000 bed days",
                        "direction",
                        "decrease",
                        "frequency",
                        "monthly",
                        "numerator_label",
                        "falls",
                        "denominator_label",
                        "occupied bed days",
                        "per",
                        1000.0),
                csvAnnouncements);
        List<HostileCsv.File> history = new ArrayList<>(HostileCsv.measureFiles());
        String goodHistory = HostileCsv.MEASURE_HEADER + "\nFalls," + START.minusWeeks(3) + ",3,,\nFalls rate,"
                + START.minusMonths(2).toString().substring(0, 7) + ",,3,840\n";
        for (int i = 0; i < 40 * SCALE; i++) {
            history.add(HostileCsv.mutate(r, goodHistory, "generated " + i));
        }
        String values = "SELECT count(*) FROM measure_value";
        for (HostileCsv.File f : history) {
            long b = count(values);
            Optional<SandboxMessage> reply = attach(manager, "measure import", f, "history.csv", h.general);
            imported("/measure import", f, reply, b, count(values));
        }
        assertThat(defects.found()).as("defects in CSV imports").isEmpty();
    }

    // ---- 5. the export of everything stored ----

    @Test
    @Order(5)
    void the_export_of_the_hostile_cohorts_is_strict_csv_safe_in_a_spreadsheet_and_equal_to_the_database()
            throws Exception {
        defects = new Defects();
        for (String name : List.of(COHORT, "CSV homes")) {
            Cohort cohort = h.bot.cohorts.byName(h.guild.id(), name).orElseThrow();
            ExportCheck.Stored stored = ExportCheck.stored(h.bot.database, cohort.id());
            for (String format : List.of("csv", "json")) {
                Optional<SandboxMessage> reply =
                        slash(h.coach, "export", Map.of("cohort", name, "format", format), h.general);
                if (reply.isEmpty()) {
                    continue;
                }
                List<SandboxAttachment> files = reply.get().attachments();
                System.out.printf(
                        "/export %s %s: %s%n",
                        name,
                        format,
                        files.stream()
                                .map(f -> f.filename() + " " + f.size() / 1024 + " kB")
                                .toList());
                if (files.isEmpty()) {
                    if (!reply.get().content().contains("too large to attach")) {
                        defect(
                                "/export",
                                "no files and no reason: " + reply.get().content(),
                                name + " " + format);
                    }
                    continue;
                }
                List<String> problems = new ArrayList<>();
                try {
                    if (format.equals("json")) {
                        problems.addAll(ExportCheck.compare(
                                stored,
                                ExportCheck.tables(
                                        new ObjectMapper().readTree(files.get(0).bytes())),
                                s -> s));
                    } else {
                        Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
                        for (SandboxAttachment f : files) {
                            List<List<String>> rows = ExportCheck.parse(f.filename(), f.bytes());
                            problems.addAll(ExportCheck.unsafeCells(f.filename(), rows));
                            String table = f.filename()
                                    .substring(
                                            f.filename().lastIndexOf('-') + 1,
                                            f.filename().length() - ".csv".length());
                            tables.put(table, ExportCheck.records(rows));
                        }
                        problems.addAll(ExportCheck.compare(stored, tables, ExportCheck::guarded));
                    }
                } catch (AssertionError e) {
                    problems.add(e.getMessage());
                }
                problems.stream().limit(20).forEach(p -> defect("/export", p, name + " " + format));
            }
        }
        // A cohort whose export is over Discord's 10 MB a file: told to use the command line, nothing rejected.
        answered(
                "setup",
                h.sandbox
                        .as(h.coach, h.guild)
                        .slash("cohort create", Map.of("name", "Big", "start", START.toString()), h.general));
        long big = h.bot.cohorts.byName(h.guild.id(), "Big").orElseThrow().id();
        SandboxChannel bigAnnouncements =
                h.guild.channelByName("SUO · Big", "announcements").orElseThrow();
        answered(
                "setup",
                h.sandbox
                        .as(h.coach, h.guild)
                        .slash(
                                "cohort import",
                                Map.of(
                                        "file",
                                        SandboxAttachment.of(
                                                "homes.csv",
                                                "text/csv",
                                                HostileCsv.goodEnrolment(
                                                                people.subList(60, 76).stream()
                                                                        .map(SandboxUser::id)
                                                                        .toList(),
                                                                "\n")
                                                        .getBytes(StandardCharsets.UTF_8))),
                                bigAnnouncements));
        h.setupReport("Big");
        String details = HostileText.astral(new Random(5), 1000);
        h.bot.database.write(c -> {
            try (var st =
                    c.prepareStatement("INSERT INTO task (cohort_id, title, details, due_date, created_by, created_at)"
                            + " VALUES (?, ?, ?, ?, 'coach', ?)")) {
                for (int i = 0; i < 400; i++) {
                    st.setLong(1, big);
                    st.setString(2, "Task " + i);
                    st.setString(3, details);
                    st.setString(4, START.plusDays(7).toString());
                    st.setString(5, at(0, "10:00").toString());
                    st.executeUpdate();
                }
            }
            return null;
        });
        for (String format : List.of("csv", "json")) {
            SandboxMessage reply = slash(h.coach, "export", Map.of("cohort", "Big", "format", format), h.general)
                    .orElseThrow();
            assertThat(reply.attachments()).isEmpty();
            assertThat(reply.content())
                    .contains("too large to attach")
                    .contains("export --cohort \"Big\" --format " + format);
        }
        slash(h.coach, "cohort end", Map.of("cohort", "Big"), h.general);

        // The outcome report of everything the generated commands stored: no markup but the report's own.
        String html = Reports.render(h.bot.database, BotHarness.CURRICULA, h.clock, cohort())
                .html();
        ExportCheck.foreignMarkup(html).forEach(p -> defect("report", p, COHORT));
        assertThat(defects.found()).as("defects in the export").isEmpty();
    }

    // ---- 6. time passes: reminders, attendance calls and the weekly summary carry the hostile text ----

    @Test
    @Order(6)
    void
            reminders_and_the_weekly_summary_with_hostile_text_stay_within_discord_s_limits_and_ping_only_their_managers() {
        defects = new Defects();
        for (int day = 0; day < 14; day++) {
            for (String time : List.of("09:00", "12:00", "13:30", "14:30")) {
                h.at(at(day, time));
            }
        }
        h.at(at(7, "08:00"));
        SandboxChannel peer =
                h.guild.channelByName("SUO · " + COHORT, "peer-learning").orElseThrow();
        List<SandboxMessage> summary =
                posts(peer).stream().filter(m -> m.allText().contains("Week 1")).toList();
        assertThat(summary).as("the week 1 summary").isNotEmpty();
        for (SandboxChannel channel : h.guild.channels()) {
            if (channel.isCategory()) {
                continue;
            }
            for (SandboxMessage m : posts(channel)) {
                Optional<Home> home = homeWithChannel(channel.id());
                if (home.isPresent()) {
                    // Reminders in a home's own channel mention its managers, and only them.
                    if (!home.get().managerIds().containsAll(m.pingedUserIds())
                            || !m.pingedRoleIds().isEmpty()
                            || m.pingedEveryone()) {
                        defect("reminder", "pinged someone other than the home's managers", m.toString());
                    }
                    String rest = m.allText().replaceAll("^(<@[0-9]+> )+", "");
                    if (LIVE_MENTION.matcher(rest).find()) {
                        defect("reminder", "a live mention in the text: " + rest, m.toString());
                    }
                    if (HostileText.halfCharacter(m.allText())) {
                        defect("reminder", "half a character", m.toString());
                    }
                } else if (setUpReport(channel, m)) {
                    // A set-up job's report mentions the coach who started it, and only them.
                    String rest = m.allText().replaceFirst("^<@" + h.coach.id() + "> ", "");
                    if (LIVE_MENTION.matcher(rest).find()) {
                        defect("set-up report", "a live mention in the text: " + rest, m.toString());
                    }
                } else {
                    inert("post in #" + channel.name(), m, m.toString());
                }
            }
        }
        System.out.printf(
                "After two weeks: %,d posts in %d channels%n",
                h.guild.channels().stream()
                        .filter(c -> !c.isCategory())
                        .mapToLong(c -> posts(c).size())
                        .sum(),
                h.guild.channels().size());
        assertThat(defects.found()).as("defects in scheduled posts").isEmpty();
    }

    /** A set-up job's report in #coaches: it pings the coach who started the job, and nobody else. */
    private boolean setUpReport(SandboxChannel channel, SandboxMessage m) {
        return channel.name().equals("coaches")
                && m.allText().startsWith("<@" + h.coach.id() + "> ")
                && m.pingedUserIds().equals(Set.of(h.coach.id()))
                && m.pingedRoleIds().isEmpty()
                && !m.pingedEveryone();
    }

    private Optional<Home> homeWithChannel(String channelId) {
        Optional<Long> id = h.bot.database.read(c -> {
            try (var st = c.prepareStatement("SELECT id FROM home WHERE channel_id = ?")) {
                st.setString(1, channelId);
                try (var rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                }
            }
        });
        return id.flatMap(h.bot.homes::byId);
    }

    // ---- at the end: nothing stored or posted that should not be ----

    @Test
    @Order(90)
    void no_identifier_reached_the_database_or_any_channel_and_no_post_pinged_anyone() {
        String stored = h.bot.database.read(c -> {
            StringBuilder sb = new StringBuilder();
            List<String> tables = new ArrayList<>();
            try (var st = c.createStatement();
                    var rs = st.executeQuery(
                            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (var st = c.createStatement();
                        var rs = st.executeQuery("SELECT * FROM \"" + t + "\"")) {
                    while (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            if (rs.getObject(i) instanceof String s) {
                                sb.append(s).append('\n');
                            }
                        }
                    }
                }
            }
            return sb.toString();
        });
        assertThat(HostileText.identifierIn(stored))
                .as("an identifier in the database")
                .isNull();
        for (SandboxChannel channel : h.guild.channels()) {
            if (channel.isCategory()) {
                continue;
            }
            for (SandboxMessage m : channel.messages()) {
                assertThat(HostileText.identifierIn(m.allText()))
                        .as("an identifier in %s: %s", channel, m)
                        .isNull();
                assertThat(HostileText.halfCharacter(m.allText()))
                        .as("half a character in %s: %s", channel, m)
                        .isFalse();
                if (!m.isEphemeral() && !channel.name().startsWith("home-") && !setUpReport(channel, m)) {
                    assertThat(m.pingedNobody())
                            .as("%s in %s pinged someone", m, channel)
                            .isTrue();
                }
            }
        }
        assertThat(h.bot.database.integrityCheck()).isEqualTo("ok");
    }
}
