package uk.stepup.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.stepup.actions.Action;
import uk.stepup.actions.ActionOutcome;
import uk.stepup.actions.ActionService;
import uk.stepup.app.BotModule;
import uk.stepup.checkins.CheckinAnswers;
import uk.stepup.checkins.CheckinService;
import uk.stepup.checkins.HighlightShare;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.Home;
import uk.stepup.discord.ComponentIds;
import uk.stepup.discord.MeasureInteractions;
import uk.stepup.improvement.PdsaService;
import uk.stepup.improvement.RecalculationService;
import uk.stepup.measures.MeasureEntryResult;
import uk.stepup.measures.MeasureForm;
import uk.stepup.sandbox.InteractionHandle;
import uk.stepup.sandbox.PermissionOverwrite;
import uk.stepup.sandbox.Permissions;
import uk.stepup.sandbox.SandboxActor;
import uk.stepup.sandbox.SandboxAttachment;
import uk.stepup.sandbox.SandboxChannel;
import uk.stepup.sandbox.SandboxCommand;
import uk.stepup.sandbox.SandboxMessage;
import uk.stepup.sandbox.SandboxUser;
import uk.stepup.shared.Actor;
import uk.stepup.shared.CheckinId;
import uk.stepup.shared.CohortId;
import uk.stepup.shared.HomeId;
import uk.stepup.shared.Outcome;
import uk.stepup.shared.Rating;
import uk.stepup.shared.SessionId;
import uk.stepup.shared.TaskId;
import uk.stepup.storage.JdbcActionRepository;
import uk.stepup.summaries.ProgressService;
import uk.stepup.tasks.TaskService;

/**
 * Who may do what, from two tables. Every registered command and subcommand must appear in the first, as coach-only
 * or open to everyone, and every kind of component (button or modal) the bot posts in the second, so a new command
 * or button cannot be forgotten. Coach-only commands are tried by a manager and by an outsider, and must be refused
 * with nothing changed. No component is coach-only: each acts for the home of the person using it, so each is tried
 * by the coach, by an outsider and by another home's manager, through Discord where they can see it and with another
 * home's ids where they cannot, and must give them nothing of that home and change nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {
    static final Duration WAIT = Duration.ofSeconds(15);

    /** Coach-only commands with options that would succeed for a coach. */
    static Map<String, Map<String, Object>> coachOnly(BotHarness h) {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        m.put("cohort create", Map.of("name", "Hijack"));
        m.put("cohort enrol", Map.of("home", "Fake Home", "manager", h.outsider));
        m.put(
                "cohort import",
                Map.of(
                        "file",
                        SandboxAttachment.of(
                                "h.csv",
                                "text/csv",
                                ("home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led\nX,,"
                                                + h.outsider.id() + ",,,,,,\n")
                                        .getBytes(StandardCharsets.UTF_8))));
        m.put("cohort pause", Map.of());
        m.put("cohort resume", Map.of());
        m.put("cohort skip", Map.of());
        m.put("cohort end", Map.of());
        m.put("cohort repair", Map.of());
        m.put("cohort status", Map.of());
        m.put("task create", Map.of("title", "Hijacked task", "due", "2030-01-01"));
        m.put("session schedule", Map.of("when", "2030-01-01 10:00", "link", "https://example.org/call"));
        m.put("broadcast", Map.of("message", "Not from a coach"));
        m.put("summary", Map.of());
        m.put("measure add", Map.of("name", "Falls", "unit", "falls", "direction", "decrease"));
        m.put("export", Map.of("format", "csv"));
        m.put("score set", Map.of("home", "Oak House", "score", "5.0"));
        m.put("score list", Map.of());
        return m;
    }

    /** What a stale or forged component would point at: another home's (and another cohort's) data. */
    record Forged(long oak, long oakCheckin, String aliceToken, long otherCohort, long otherTask, long otherSession) {}

    /**
     * Every kind of component, and the use case its handler calls, as the handler would call it with ids that point
     * at Oak House (Alice's home) or at another cohort. Discord shows a component only to those who can see its
     * message, and a modal only to the person it was opened for (the sandbox enforces both), so a forged or stale id
     * is tried here against the use case itself.
     */
    static Map<ComponentIds.Action, Function<Actor, Object>> components(BotModule bot, Forged f) {
        Map<ComponentIds.Action, Function<Actor, Object>> m = new EnumMap<>(ComponentIds.Action.class);
        m.put(
                ComponentIds.Action.CHECKIN_OPEN,
                a -> bot.desk.open(a, Optional.of(new CohortId(f.otherCohort())), Optional.of(1)));
        m.put(
                ComponentIds.Action.CHECKIN_MODAL,
                a -> bot.desk.submit(
                        a,
                        new HomeId(f.oak()),
                        1,
                        new CheckinAnswers(
                                Rating.GOOD,
                                "Forged answer",
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of("Forged highlight"))));
        m.put(
                ComponentIds.Action.CHECKIN_SHARE,
                a -> bot.desk.share(a, new CheckinId(f.oakCheckin()), HighlightShare.NAMED));
        m.put(ComponentIds.Action.CHECKIN_CONFIRM, a -> bot.desk.confirm(a, f.aliceToken()));
        m.put(ComponentIds.Action.CHECKIN_REVISE, a -> bot.desk.held(a, f.aliceToken()));
        m.put(ComponentIds.Action.PROGRESS, a -> bot.progress.forManager(a));
        m.put(ComponentIds.Action.TASK_DONE, a -> bot.taskBoard.markDone(a, new TaskId(f.otherTask())));
        m.put(ComponentIds.Action.ATTENDED, a -> bot.sessionDesk.attended(a, new SessionId(f.otherSession())));
        m.put(
                ComponentIds.Action.MEASURES_ADD,
                a -> bot.measureDesk.open(
                        a, new MeasureForm.PageRef(f.oak(), 1, 1), Optional.empty(), MeasureInteractions.MODAL));
        m.put(
                ComponentIds.Action.MEASURES_MODAL,
                a -> bot.measureDesk.submit(
                        a, new MeasureForm.PageRef(f.oak(), 1, 1), Map.of("m1", "3"), MeasureInteractions.MODAL));
        // Oak House's action (its week 1 next step), answered for in week 2.
        long oakAction = new JdbcActionRepository(bot.database)
                .forHome(f.oak()).stream().findFirst().map(Action::id).orElse(0L);
        m.put(
                ComponentIds.Action.ACTION_OUTCOME,
                a -> refusedAnswer(bot.features.actions.answer(a, oakAction, 2, ActionOutcome.DONE)));
        m.put(
                ComponentIds.Action.ACTION_WORDS,
                a -> bot.features.actions.shown(a, new HomeId(f.oak()), 2, List.of(oakAction)));
        m.put(
                ComponentIds.Action.ACTION_WORDS_MODAL,
                a -> bot.features.actions.words(a, new HomeId(f.oak()), 2, Map.of(oakAction, "Forged words")));
        // Oak House has no sustained shift to recalculate from, and no recalculation to undo.
        m.put(
                ComponentIds.Action.RECALC_OFFER,
                a -> refused(bot.features.recalculations.check(a, f.oak(), 1, LocalDate.of(2027, 1, 4))));
        m.put(
                ComponentIds.Action.RECALC_MODAL,
                a -> bot.features.recalculations.confirm(a, f.oak(), 1, LocalDate.of(2027, 1, 4), "Forged reason"));
        m.put(ComponentIds.Action.RECALC_UNDO, a -> bot.features.recalculations.undo(a, 1));
        // A PDSA cycle's buttons act for the cycle's home, and its coaches may act too (spec section 11), so a stale or
        // forged cycle id is one that no longer exists; a cross-home press is refused in PdsaEndToEndTest.
        PdsaService pdsa = bot.features.pdsa;
        m.put(ComponentIds.Action.PDSA_NEW_MODAL, pdsa::startForm);
        m.put(ComponentIds.Action.PDSA_STEP, a -> pdsa.open(a, 0, PdsaService.Step.STUDY));
        m.put(ComponentIds.Action.PDSA_SHARE, a -> pdsa.share(a, 0, HighlightShare.NAMED));
        m.put(ComponentIds.Action.PDSA_DECIDE, a -> pdsa.open(a, 0, PdsaService.Step.ACT));
        m.put(ComponentIds.Action.PDSA_MODAL, a -> pdsa.recordStudy(a, 0, "Forged study"));
        return m;
    }

    /** What a recalculation check said: the refusal, or the offer (which the matrix then reports as not refused). */
    private static Object refused(RecalculationService.Check check) {
        return check instanceof RecalculationService.Refused r ? r.why() : check;
    }

    /** Commands anyone may run; each shows the person only their own data. */
    static final List<String> OPEN = List.of(
            "checkin",
            "progress",
            "task list",
            "measure list",
            "measure import",
            "measures",
            "aim set",
            "aim clear",
            "pdsa new",
            "pdsa list",
            "portfolio");

    /** Alice's words for Oak House's week: no one else may ever see them. */
    static final String SECRET = "Oak House walked the new fire route with night staff";

    static final String HELD = "Mrs Smith enjoyed the garden";

    @RegisterExtension
    static final EndToEnd e2e =
            EndToEnd.startingAt(Instant.parse("2027-01-06T10:00:00Z")).withoutRuleCheck();

    BotHarness h;

    @BeforeAll
    void start() throws Exception {
        h = e2e.harness();
        h.sandbox
                .as(h.coach, h.guild)
                .slash("cohort create", Map.of("name", "Matrix"), h.general)
                .awaitReply(WAIT);
        String csv = "home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led\n" + "Oak House,,"
                + h.alice.id() + ",,,,,,\nElm Court,," + h.bob.id() + ",,,,,,\n";
        h.sandbox
                .as(h.coach, h.guild)
                .slash(
                        "cohort import",
                        Map.of(
                                "cohort",
                                "Matrix",
                                "file",
                                SandboxAttachment.of("h.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))),
                        h.general)
                .awaitReply(WAIT);
        h.setupReport("Matrix");
    }

    @Test
    void every_registered_command_is_in_the_table() {
        List<String> registered = new ArrayList<>();
        for (SandboxCommand c : h.guild.commands()) {
            if (c.subcommands().isEmpty()) {
                registered.add(c.name());
            } else {
                c.subcommands().forEach(s -> registered.add(c.name() + " " + s));
            }
        }
        List<String> known = new ArrayList<>(coachOnly(h).keySet());
        known.addAll(OPEN);
        assertThat(known).as("add new commands to the authorization table").containsAll(registered);
    }

    @Test
    void managers_and_outsiders_are_refused_every_coach_command_and_nothing_changes() {
        int cohorts = h.bot.cohorts.inGuild(h.guild.id()).size();
        List<Home> homes = h.bot.homes.inCohort(
                h.bot.cohorts.byName(h.guild.id(), "Matrix").orElseThrow().id());
        for (SandboxUser who : List.of(h.alice, h.outsider)) {
            for (Map.Entry<String, Map<String, Object>> c : coachOnly(h).entrySet()) {
                SandboxMessage reply = h.sandbox
                        .as(who, h.guild)
                        .slash(c.getKey(), c.getValue(), h.general)
                        .awaitReply(WAIT);
                assertThat(reply.isEphemeral()).as(c.getKey()).isTrue();
                assertThat(reply.content())
                        .as(who.username() + " /" + c.getKey())
                        .contains("Only coaches");
            }
        }
        assertThat(h.bot.cohorts.inGuild(h.guild.id())).hasSize(cohorts);
        assertThat(h.bot.homes.inCohort(homes.get(0).cohortId())).isEqualTo(homes);
        assertThat(h.bot.cohorts
                        .byName(h.guild.id(), "Matrix")
                        .orElseThrow()
                        .status()
                        .name())
                .isEqualTo("ACTIVE");
        assertThat(h.sandbox.violations()).isEmpty();
    }

    @Test
    void a_manager_sees_only_their_own_home() {
        SandboxMessage alice =
                h.sandbox.as(h.alice, h.guild).slash("progress", h.general).awaitReply(WAIT);
        assertThat(alice.content()).contains("Oak House").doesNotContain("Elm Court");
        SandboxMessage bob = h.sandbox
                .as(h.bob, h.guild)
                .slash("task list", Map.of(), h.general)
                .awaitReply(WAIT);
        assertThat(bob.content()).doesNotContain("Oak House");
        Home oak = h
                .bot
                .homes
                .inCohort(h.bot.cohorts
                        .byName(h.guild.id(), "Matrix")
                        .orElseThrow()
                        .id())
                .stream()
                .filter(x -> x.name().equals("Oak House"))
                .findFirst()
                .orElseThrow();
        assertThat(h.sandbox
                        .channel(oak.channelId().orElseThrow())
                        .orElseThrow()
                        .canView(h.bob))
                .isFalse();
    }

    @Test
    void every_component_is_in_the_table() {
        Forged none = new Forged(0, 0, "", 0, 0, 0);
        assertThat(components(h.bot, none).keySet())
                .as("add new components to the authorization table")
                .containsExactlyInAnyOrder(ComponentIds.Action.values());
    }

    @Test
    void no_one_but_a_homes_manager_gets_anything_from_its_components_and_nothing_changes() throws Exception {
        try (BotHarness w = new BotHarness(e2e.dir().resolve("components"), Instant.parse("2027-01-06T10:00:00Z"))) {
            SandboxActor coach = w.sandbox.as(w.coach, w.guild);
            coach.slash("cohort create", Map.of("name", "Matrix"), w.general).awaitReply(WAIT);
            coach.slash(
                            "cohort import",
                            Map.of("cohort", "Matrix", "file", homes("Oak House", w.alice, "Elm Court", w.bob)),
                            w.general)
                    .awaitReply(WAIT);
            w.setupReport("Matrix");
            coach.slash("cohort create", Map.of("name", "Other"), w.general).awaitReply(WAIT);
            coach.slash("cohort import", Map.of("cohort", "Other", "file", homes("Ash Lodge", w.carol)), w.general)
                    .awaitReply(WAIT);
            w.setupReport("Other");
            for (String cohort : List.of("Matrix", "Other")) {
                assertThat(coach.slash(
                                        "task create",
                                        Map.of("cohort", cohort, "title", "Fire drill log", "due", "2027-01-25"),
                                        w.general)
                                .awaitReply(WAIT)
                                .content())
                        .contains("Fire drill log");
                assertThat(coach.slash(
                                        "session schedule",
                                        Map.of(
                                                "cohort",
                                                cohort,
                                                "when",
                                                "2027-01-13 10:00",
                                                "link",
                                                "https://example.org/call"),
                                        w.general)
                                .awaitReply(WAIT)
                                .content())
                        .doesNotContain("Only coaches");
            }
            Cohort matrix = w.bot.cohorts.byName(w.guild.id(), "Matrix").orElseThrow();
            Cohort other = w.bot.cohorts.byName(w.guild.id(), "Other").orElseThrow();
            Home oak = home(w, matrix, "Oak House");
            Home elm = home(w, matrix, "Elm Court");
            // An observer given the cohort's role by hand sees everything a manager sees; Bob is let into Oak House's
            // channel by mistake.
            w.guild.grantRole(w.outsider, w.guild.roleByName("SUO · Matrix").orElseThrow());
            SandboxChannel oakChannel =
                    w.sandbox.channel(oak.channelId().orElseThrow()).orElseThrow();
            w.guild.putOverwrite(
                    oakChannel,
                    new PermissionOverwrite(w.bob.id(), PermissionOverwrite.MEMBER, Permissions.VIEW_CHANNEL, 0));
            w.at(Instant.parse("2027-01-11T09:00:00Z"));
            w.at(Instant.parse("2027-01-14T12:00:00Z"));

            // Through Discord: every button the coach and the observer can see.
            SandboxChannel thisWeek = w.sandbox
                    .channel(matrix.channels().thisWeekId().orElseThrow())
                    .orElseThrow();
            SandboxChannel announcements = w.sandbox
                    .channel(matrix.channels().announcementsId().orElseThrow())
                    .orElseThrow();
            SandboxMessage prompt =
                    w.sandbox.awaitMessage(thisWeek, m -> m.button("Check in").isPresent(), WAIT);
            SandboxMessage task = w.sandbox.awaitMessage(
                    announcements, m -> m.button("Mark done").isPresent(), WAIT);
            SandboxMessage call = w.sandbox.awaitMessage(
                    announcements, m -> m.button("I attended").isPresent(), WAIT);
            String before = fingerprint(w);
            int pressed = 0;
            for (SandboxUser who : List.of(w.coach, w.outsider)) {
                assertThat(press(w, who, prompt, "Check in"))
                        .contains(who == w.coach ? "for the homes' managers" : "not enrolled");
                assertThat(press(w, who, task, "Mark done"))
                        .doesNotContain("Oak House")
                        .doesNotContain("Elm Court");
                assertThat(press(w, who, call, "I attended"))
                        .doesNotContain("Oak House")
                        .doesNotContain("Elm Court");
                pressed += 3;
            }
            assertThat(fingerprint(w)).as("nothing changed").isEqualTo(before);

            // Bob presses Oak House's reminder: the form is his own home's, never Oak House's.
            SandboxMessage reminder = w.sandbox.awaitMessage(
                    oakChannel, m -> m.button("Check in now").isPresent(), WAIT);
            InteractionHandle opened = w.sandbox
                    .as(w.bob, w.guild)
                    .clickLabel(reminder, "Check in now")
                    .awaitResponse(WAIT);
            assertThat(opened.modal().customId())
                    .isEqualTo(ComponentIds.encode(ComponentIds.Action.CHECKIN_MODAL, new HomeId(elm.id()), 1));
            pressed++;

            // Alice checks in, then sends a revision the privacy guard holds for her to confirm.
            Actor alice = actor(w, w.alice, false);
            CheckinService.Result saved = w.bot.desk.submit(
                    alice,
                    new HomeId(oak.id()),
                    1,
                    new CheckinAnswers(
                            Rating.GOOD, SECRET, Optional.empty(), Optional.of(SECRET), Optional.of(SECRET)));
            assertThat(saved).isInstanceOf(CheckinService.Saved.class);
            CheckinService.Result held = w.bot.desk.submit(
                    alice,
                    new HomeId(oak.id()),
                    1,
                    new CheckinAnswers(Rating.GOOD, HELD, Optional.empty(), Optional.empty(), Optional.empty()));
            assertThat(held).isInstanceOf(CheckinService.Confirm.class);
            Forged forged = new Forged(
                    oak.id(),
                    ((CheckinService.Saved) saved).checkin().id(),
                    ((CheckinService.Confirm) held).token(),
                    other.id(),
                    w.bot.tasks.forCohort(other.id()).get(0).id(),
                    w.bot.sessions.forCohort(other.id()).get(0).id());

            // Stale or forged ids: every component's use case, as the coach, the observer and Bob.
            before = fingerprint(w);
            int tried = 0;
            for (Actor who : List.of(actor(w, w.coach, true), actor(w, w.outsider, false), actor(w, w.bob, false))) {
                for (Map.Entry<ComponentIds.Action, Function<Actor, Object>> c :
                        components(w.bot, forged).entrySet()) {
                    String answer = refusal(c.getValue().apply(who), c.getKey() + " as " + who.displayName());
                    assertThat(answer)
                            .as(c.getKey() + " as " + who.displayName())
                            .doesNotContain(SECRET)
                            .doesNotContain(HELD)
                            .doesNotContain("Oak House")
                            .doesNotContain("Ash Lodge");
                    tried++;
                }
            }
            assertThat(fingerprint(w)).as("nothing changed").isEqualTo(before);
            assertThat(w.bot.desk.confirm(alice, forged.aliceToken()))
                    .as("Alice's held answers are still hers")
                    .isInstanceOf(CheckinService.Saved.class);

            // The week's summary: My progress shows the observer and the coach nothing of any home.
            w.at(Instant.parse("2027-01-18T08:00:00Z"));
            SandboxChannel peer = w.sandbox
                    .channel(matrix.channels().peerLearningId().orElseThrow())
                    .orElseThrow();
            SandboxMessage summary =
                    w.sandbox.awaitMessage(peer, m -> m.button("My progress").isPresent(), WAIT);
            for (SandboxUser who : List.of(w.coach, w.outsider)) {
                assertThat(press(w, who, summary, "My progress"))
                        .doesNotContain("Oak House")
                        .doesNotContain("Elm Court")
                        .doesNotContain(SECRET);
                pressed++;
            }
            assertThat(w.sandbox.violations()).isEmpty();
            System.out.printf(
                    "Authorization matrix, components: %d presses through Discord, %d forged or stale uses of"
                            + " %d kinds of component by 3 people, all refused or their own%n",
                    pressed, tried, ComponentIds.Action.values().length);
        }
    }

    private static SandboxAttachment homes(Object... nameThenManager) {
        StringBuilder csv =
                new StringBuilder("home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led\n");
        for (int i = 0; i < nameThenManager.length; i += 2) {
            csv.append(nameThenManager[i])
                    .append(",,")
                    .append(((SandboxUser) nameThenManager[i + 1]).id())
                    .append(",,,,,,\n");
        }
        return SandboxAttachment.of("homes.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Home home(BotHarness w, Cohort cohort, String name) {
        return w.bot.homes.inCohort(cohort.id()).stream()
                .filter(x -> x.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static Actor actor(BotHarness w, SandboxUser user, boolean coach) {
        return new Actor(user.id(), user.displayName(), w.guild.id(), coach);
    }

    /** The private reply to pressing the button; it pings nobody. */
    private static String press(BotHarness w, SandboxUser who, SandboxMessage message, String label) {
        InteractionHandle handle =
                w.sandbox.as(who, w.guild).clickLabel(message, label).awaitResponse(WAIT);
        assertThat(handle.isEphemeral())
                .as(who.displayName() + " pressing " + label)
                .isTrue();
        SandboxMessage reply = handle.awaitReply(WAIT);
        assertThat(reply.pingedNobody()).isTrue();
        return reply.content();
    }

    /** What the person is told, if the use case refused them or showed them only their own (empty) view. */
    private static Object refusedAnswer(ActionService.Answer answer) {
        return answer instanceof ActionService.Refused r ? r.outcome() : answer;
    }

    private static String refusal(Object result, String what) {
        if (result instanceof CheckinService.Refused r) {
            return r.outcome().message();
        }
        if (result instanceof MeasureEntryResult.Refused r) {
            return r.outcome().message();
        }
        if (result instanceof TaskService.Said said) {
            result = said.outcome();
        }
        if (result instanceof Outcome o && !o.ok()) {
            return o.message();
        }
        if (result instanceof Optional<?> o && o.isEmpty()) {
            return "";
        }
        if (result instanceof PdsaService.Refused r) {
            return r.why().message();
        }
        if (result instanceof PdsaService.StartForm own) {
            return own.home(); // the new-cycle form for the person's own home
        }
        if (result instanceof ProgressService.Progress p) {
            return p.text();
        }
        throw new AssertionError(what + " was not refused: " + result);
    }

    /** Every stored row a component could change, as text. */
    private static String fingerprint(BotHarness w) {
        return w.bot.database.read(c -> {
            StringBuilder out = new StringBuilder();
            for (String table : List.of(
                    "checkin",
                    "checkin_revision",
                    "task_done",
                    "attendance",
                    "measure_value",
                    "manager",
                    "home",
                    "action",
                    "action_follow_up",
                    "pdsa_cycle")) {
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY rowid")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        out.append(table);
                        for (int i = 1; i <= columns; i++) {
                            out.append('|').append(rs.getString(i));
                        }
                        out.append('\n');
                    }
                }
            }
            return out.toString();
        });
    }
}
