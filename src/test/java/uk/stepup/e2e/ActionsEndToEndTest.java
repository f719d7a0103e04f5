package uk.stepup.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.stepup.actions.Action;
import uk.stepup.actions.ActionOutcome;
import uk.stepup.actions.ActionService;
import uk.stepup.actions.FollowUp;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.Home;
import uk.stepup.sandbox.InteractionHandle;
import uk.stepup.sandbox.SandboxChannel;
import uk.stepup.sandbox.SandboxMessage;
import uk.stepup.sandbox.SandboxModal;
import uk.stepup.sandbox.SandboxUser;
import uk.stepup.shared.Actor;
import uk.stepup.shared.HomeId;
import uk.stepup.storage.JdbcActionRepository;
import uk.stepup.summaries.DataExportService;
import uk.stepup.summaries.ExportFormat;

/**
 * Next steps followed through, end to end over the sandbox with the real JDA client and a real SQLite file: a week 1
 * next step becomes an action; in week 2 Check in first asks how it went (Alice says partly, adds a few words, then
 * checks in through the usual modal; Bob skips straight to his check-in); the action carries forward to week 3, where
 * done closes it; {@code /progress} lists open next steps; {@code /cohort status} counts a step open two weeks towards
 * "at risk" (and not one open one week); another home's manager cannot answer for it; the export equals the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ActionsEndToEndTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    /** Wednesday 30 December 2026, 10:00 in London; the cohort starts Monday 4 January 2027. */
    static final Instant CREATED = Instant.parse("2026-12-30T10:00:00Z");

    static final LocalDate START = LocalDate.of(2027, 1, 4);
    static final String OAK_STEP = "Ask the GP practice for a monthly medicines review";
    static final String ELM_STEP = "Start a five-minute falls huddle at handover";

    @RegisterExtension
    static final EndToEnd e2e = EndToEnd.startingAt(CREATED);

    BotHarness h;
    JdbcActionRepository actions;

    @BeforeAll
    void start() {
        h = e2e.harness();
        actions = new JdbcActionRepository(h.bot.database);
    }

    private Cohort cohort() {
        return h.bot.cohorts.byName(h.guild.id(), "Spring 2027").orElseThrow();
    }

    private Home home(String name) {
        return h.bot.homes.byName(cohort().id(), name).orElseThrow();
    }

    private SandboxChannel channel(String name) {
        return h.guild.channelByName("SUO · Spring 2027", name).orElseThrow(() -> new AssertionError("no #" + name));
    }

    /** 09:00 London (UTC in winter) on the Monday of programme week {@code n}: its prompt. */
    private static Instant prompt(int n) {
        return START.plusWeeks(n - 1L).atTime(9, 0).toInstant(ZoneOffset.UTC);
    }

    /** The week's prompt in #this-week (the latest with a Check in button). */
    private SandboxMessage weekPrompt(int week) {
        return h.sandbox.awaitMessage(
                channel("this-week"),
                m -> m.button("Check in").isPresent() && m.allText().contains("Week " + week + " · "),
                WAIT);
    }

    private InteractionHandle pressCheckIn(SandboxUser who, int week) {
        return h.sandbox
                .as(who, h.guild)
                .clickLabel(weekPrompt(week), "Check in")
                .awaitResponse(WAIT);
    }

    private SandboxMessage submit(SandboxUser who, SandboxModal modal, Optional<String> next) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("rating", List.of("good"));
        values.put("did", "Reviewed the medicines round with the senior carers.");
        next.ifPresent(n -> values.put("next", n));
        InteractionHandle saved =
                h.sandbox.as(who, h.guild).submitModal(modal, values).awaitResponse(WAIT);
        assertThat(saved.isEphemeral()).isTrue();
        return saved.awaitReply(WAIT);
    }

    private SandboxMessage slash(SandboxUser who, String command) {
        InteractionHandle handle = h.sandbox
                .as(who, h.guild)
                .slash(command, Map.of(), channel("announcements"))
                .awaitResponse(WAIT);
        assertThat(handle.isEphemeral()).as(command).isTrue();
        return handle.awaitReply(WAIT);
    }

    private Action only(Home home) {
        List<Action> mine = actions.forHome(home.id());
        assertThat(mine).hasSize(1);
        return mine.get(0);
    }

    @Test
    @Order(1)
    void a_coach_sets_up_two_homes_and_a_task_due_in_week_one() {
        h.sandbox
                .as(h.coach, h.guild)
                .slash("cohort create", Map.of("name", "Spring 2027", "start", START.toString()), h.general)
                .awaitResponse(WAIT)
                .awaitReply(WAIT);
        for (Object[] enrol : new Object[][] {{"Oak House", h.alice}, {"Elm Court", h.bob}}) {
            h.sandbox
                    .as(h.coach, h.guild)
                    .slash("cohort enrol", Map.of("home", enrol[0], "manager", enrol[1]), channel("announcements"))
                    .awaitResponse(WAIT)
                    .awaitReply(WAIT);
        }
        h.sandbox
                .as(h.coach, h.guild)
                .slash(
                        "task create",
                        Map.of(
                                "title",
                                "Fire drill log",
                                "due",
                                START.plusDays(2).toString()),
                        channel("announcements"))
                .awaitResponse(WAIT)
                .awaitReply(WAIT);
        assertThat(h.bot.homes.inCohort(cohort().id())).hasSize(2);
    }

    @Test
    @Order(2)
    void in_week_one_check_in_opens_the_form_at_once_and_a_next_step_becomes_an_action() {
        h.at(prompt(1));
        InteractionHandle open = pressCheckIn(h.alice, 1);
        assertThat(open.modal()).as("no next steps yet: the form at once").isNotNull();
        assertThat(submit(h.alice, open.modal(), Optional.of(OAK_STEP)).content())
                .contains("Saved your week 1 check-in")
                .contains(OAK_STEP);
        InteractionHandle bobOpen = pressCheckIn(h.bob, 1);
        submit(h.bob, bobOpen.modal(), Optional.of(ELM_STEP));

        Action oak = only(home("Oak House"));
        assertThat(oak.text()).isEqualTo(OAK_STEP);
        assertThat(oak.setWeek()).isEqualTo(1);
        assertThat(oak.open()).isTrue();
        assertThat(only(home("Elm Court")).text()).isEqualTo(ELM_STEP);

        // Editing the check-in in the same week changes the step, not the number of actions.
        InteractionHandle again = pressCheckIn(h.alice, 1);
        assertThat(again.modal())
                .as("a step is not asked about in its own week")
                .isNotNull();
        submit(h.alice, again.modal(), Optional.of(OAK_STEP + " (and the pharmacist)"));
        assertThat(only(home("Oak House")).text()).isEqualTo(OAK_STEP + " (and the pharmacist)");
    }

    @Test
    @Order(3)
    void in_week_two_check_in_first_asks_how_it_went_and_partly_with_a_few_words_is_saved_before_the_form() {
        h.at(prompt(2));
        InteractionHandle open = pressCheckIn(h.alice, 2);
        assertThat(open.callbackType())
                .as("the follow-up comes before the form, as a message")
                .isEqualTo(4);
        assertThat(open.isEphemeral()).isTrue();
        SandboxMessage ask = open.awaitReply(WAIT);
        assertThat(ask.pingedNobody()).isTrue();
        assertThat(ask.content())
                .contains("Before week 2's check-in: how did your next steps go?")
                .contains("**1.** " + OAK_STEP + " (and the pharmacist) _(from week 1)_");
        assertThat(ask.buttons())
                .extracting(b -> b.label())
                .containsExactly(
                        "1 · Done",
                        "1 · Partly",
                        "1 · Not yet",
                        "1 · Dropped",
                        "Continue to check-in",
                        "Add a few words");

        SandboxMessage redrawn =
                h.sandbox.as(h.alice, h.guild).clickLabel(ask, "1 · Partly").awaitReply(WAIT);
        assertThat(redrawn.id()).as("the same message, redrawn").isEqualTo(ask.id());
        assertThat(redrawn.content()).contains("→ ◐ Partly");
        Action oak = only(home("Oak House"));
        assertThat(oak.open()).as("partly carries it forward").isTrue();
        assertThat(actions.followUpsForHome(home("Oak House").id()))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.week()).isEqualTo(2);
                    assertThat(f.outcome()).contains(ActionOutcome.PARTLY);
                });

        SandboxModal words = h.sandbox
                .as(h.alice, h.guild)
                .clickLabel(redrawn, "Add a few words")
                .awaitResponse(WAIT)
                .modal();
        assertThat(words.title()).isEqualTo("How your next steps went");
        assertThat(words.fields()).extracting(SandboxModal.Field::customId).containsExactly("n" + oak.id());
        // A phone number is refused, and what was typed comes back (without it) to copy.
        SandboxMessage refused = h.sandbox
                .as(h.alice, h.guild)
                .submitModal(words, Map.of("n" + oak.id(), "Booked; call the surgery on 0161 496 0123"))
                .awaitResponse(WAIT)
                .awaitReply(WAIT);
        assertThat(refused.content()).contains("Nothing was saved").contains("Booked; call the surgery");
        assertThat(refused.content()).doesNotContain("0161 496 0123");
        assertThat(actions.followUpsForHome(home("Oak House").id()).get(0).note())
                .isEmpty();
        SandboxModal wordsAgain = h.sandbox
                .as(h.alice, h.guild)
                .clickLabel(redrawn, "Add a few words")
                .awaitResponse(WAIT)
                .modal();
        SandboxMessage saved = h.sandbox
                .as(h.alice, h.guild)
                .submitModal(wordsAgain, Map.of("n" + oak.id(), "First review booked for the 20th"))
                .awaitResponse(WAIT)
                .awaitReply(WAIT);
        assertThat(saved.content()).contains("Saved your few words.");
        assertThat(saved.button("Continue to check-in")).isPresent();
        FollowUp said = actions.followUpsForHome(home("Oak House").id()).get(0);
        assertThat(said.outcome()).contains(ActionOutcome.PARTLY);
        assertThat(said.note()).contains("First review booked for the 20th");

        InteractionHandle form = h.sandbox
                .as(h.alice, h.guild)
                .clickLabel(redrawn, "Continue to check-in")
                .awaitResponse(WAIT);
        assertThat(form.modal().title()).startsWith("Week 2 ·");
        assertThat(submit(h.alice, form.modal(), Optional.empty()).content()).contains("Saved your week 2 check-in");
        assertThat(h.bot.checkins.find(home("Oak House").id(), 2)).isPresent();

        // Pressing Check in again this week goes straight to the form: the step was answered for week 2.
        assertThat(pressCheckIn(h.alice, 2).modal()).isNotNull();
    }

    @Test
    @Order(4)
    void a_manager_who_skips_the_follow_up_still_checks_in_and_the_step_stays_open() {
        InteractionHandle open =
                h.sandbox.as(h.bob, h.guild).slash("checkin", h.general).awaitResponse(WAIT);
        SandboxMessage ask = open.awaitReply(WAIT);
        assertThat(ask.content()).contains(ELM_STEP);
        InteractionHandle form = h.sandbox
                .as(h.bob, h.guild)
                .clickLabel(ask, "Continue to check-in")
                .awaitResponse(WAIT);
        assertThat(submit(h.bob, form.modal(), Optional.empty()).content()).contains("Saved your week 2 check-in");
        Action elm = only(home("Elm Court"));
        assertThat(elm.open()).isTrue();
        assertThat(actions.followUpsForHome(home("Elm Court").id())).isEmpty();
    }

    @Test
    @Order(5)
    void another_homes_manager_cannot_answer_for_someone_elses_step() {
        Action oak = only(home("Oak House"));
        Actor bob = new Actor(h.bob.id(), "Bob", h.guild.id(), false);
        Actor coach = new Actor(h.coach.id(), "Cath", h.guild.id(), true);
        for (Actor who : List.of(bob, coach)) {
            ActionService.Answer answer = h.bot.features.actions.answer(who, oak.id(), 2, ActionOutcome.DROPPED);
            assertThat(answer).isInstanceOf(ActionService.Refused.class);
            assertThat(((ActionService.Refused) answer).outcome().message()).contains("Only the managers of a home");
            assertThat(h.bot.features
                            .actions
                            .words(who, new HomeId(oak.homeId()), 2, Map.of(oak.id(), "Not mine to say"))
                            .ok())
                    .isFalse();
            assertThat(h.bot.features.actions.shown(who, new HomeId(oak.homeId()), 2, List.of(oak.id())))
                    .isEmpty();
        }
        assertThat(only(home("Oak House")).open()).isTrue();
        assertThat(actions.followUpsForHome(home("Oak House").id()).get(0).outcome())
                .contains(ActionOutcome.PARTLY);
    }

    @Test
    @Order(6)
    void in_week_two_a_step_open_one_week_does_not_count_towards_at_risk() {
        SandboxMessage status = h.sandbox
                .as(h.coach, h.guild)
                .slash("cohort status", Map.of(), channel("announcements"))
                .awaitResponse(WAIT)
                .awaitReply(WAIT);
        assertThat(status.content()).contains("No home is at risk.").doesNotContain("next steps open");
    }

    @Test
    @Order(7)
    void in_week_three_the_step_carried_forward_is_asked_again_and_done_closes_it() {
        h.at(prompt(3));
        SandboxMessage ask = pressCheckIn(h.alice, 3).awaitReply(WAIT);
        assertThat(ask.content()).contains("Before week 3's check-in").contains("_(from week 1)_");
        SandboxMessage redrawn =
                h.sandbox.as(h.alice, h.guild).clickLabel(ask, "1 · Done").awaitReply(WAIT);
        assertThat(redrawn.content()).contains("→ ✅ Done");
        Action oak = only(home("Oak House"));
        assertThat(oak.status()).isEqualTo(Action.Status.DONE);
        assertThat(oak.closedWeek()).contains(3);
        InteractionHandle form = h.sandbox
                .as(h.alice, h.guild)
                .clickLabel(redrawn, "Continue to check-in")
                .awaitResponse(WAIT);
        submit(h.alice, form.modal(), Optional.of("Audit the medicines fridge temperatures"));
        assertThat(actions.forHome(home("Oak House").id()))
                .extracting(Action::setWeek, Action::status)
                .containsExactly(tuple(1, Action.Status.DONE), tuple(3, Action.Status.OPEN));
    }

    @Test
    @Order(8)
    void progress_shows_open_next_steps_and_marks_one_open_two_weeks() {
        String alice = slash(h.alice, "progress").content();
        assertThat(alice)
                .contains("**Open next steps**")
                .contains("Week 3: Audit the medicines fridge temperatures")
                .doesNotContain(OAK_STEP);
        String bob = slash(h.bob, "progress").content();
        assertThat(bob).contains("Week 1: " + ELM_STEP + " · ⏳ open 2 weeks").doesNotContain("fridge");
    }

    @Test
    @Order(9)
    void cohort_status_counts_a_step_open_two_weeks_with_an_overdue_task_as_at_risk() {
        String status = h.sandbox
                .as(h.coach, h.guild)
                .slash("cohort status", Map.of(), channel("announcements"))
                .awaitResponse(WAIT)
                .awaitReply(WAIT)
                .content();
        assertThat(status)
                .contains(
                        "⚠️ 1 of 2 homes at risk (2+ missed check-ins or 2+ overdue tasks and next steps), listed first.")
                .contains("⚠️ **Elm Court** · check-ins: 2 on time, 0 late, 0 missed · overdue tasks: 1"
                        + " · next steps open 2+ weeks: 1 · sessions: 0 of 0")
                .contains("• **Oak House** · check-ins: 3 on time, 0 late, 0 missed · overdue tasks: 1 · sessions:");
        assertThat(status.length()).isLessThanOrEqualTo(2000);
    }

    @Test
    @Order(10)
    void the_export_has_the_actions_and_follow_ups_exactly_as_stored() throws Exception {
        Actor coach = new Actor(h.coach.id(), "Cath", h.guild.id(), true);
        DataExportService.Result result = h.bot.export.export(coach, cohort(), ExportFormat.JSON);
        assertThat(result.outcome().ok()).isTrue();
        assertThat(result.outcome().message()).contains("3 next steps");
        JsonNode doc = new ObjectMapper().readTree(result.files().get(0).bytes());
        List<String> exported = new ArrayList<>();
        for (JsonNode r : doc.path("actions")) {
            exported.add(r.path("home").asText() + "|" + r.path("action_id").asLong() + "|"
                    + r.path("set_week").asInt() + "|" + r.path("next_step").asText() + "|"
                    + r.path("status").asText() + "|" + r.path("closed_week").asText("") + "|"
                    + r.path("week").asText("") + "|" + r.path("outcome").asText("") + "|"
                    + r.path("note").asText("") + "|"
                    + (r.path("answered_at").isNull()
                            ? ""
                            : Instant.parse(r.path("answered_at").asText())) + "|"
                    + Instant.parse(r.path("created_at").asText()) + "|"
                    + Instant.parse(r.path("updated_at").asText()));
        }
        // The database read with plain SQL, independently of the repository the export used: one row per action and
        // week it was followed up, one row for an action never followed up.
        List<String> stored = h.bot.database.read(c -> {
            List<String> out = new ArrayList<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT h.name, a.id, a.set_week, a.text, a.status, a.closed_week,"
                            + " f.week, f.outcome, f.note, f.answered_at, a.created_at, a.updated_at"
                            + " FROM action a JOIN home h ON h.id = a.home_id"
                            + " LEFT JOIN action_follow_up f ON f.action_id = a.id")) {
                while (rs.next()) {
                    out.add(rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getInt(3) + "|" + rs.getString(4) + "|"
                            + rs.getString(5) + "|"
                            + Optional.ofNullable(rs.getString(6)).orElse("") + "|"
                            + Optional.ofNullable(rs.getString(7)).orElse("") + "|"
                            + Optional.ofNullable(rs.getString(8)).orElse("") + "|"
                            + Optional.ofNullable(rs.getString(9)).orElse("") + "|"
                            + Optional.ofNullable(rs.getString(10))
                                    .map(Instant::parse)
                                    .map(Object::toString)
                                    .orElse("")
                            + "|" + Instant.parse(rs.getString(11)) + "|" + Instant.parse(rs.getString(12)));
                }
            }
            return out;
        });
        // Oak's week 1 step (answered in weeks 2 and 3), Oak's week 3 step and Elm's week 1 step (never answered).
        assertThat(exported).containsExactlyInAnyOrderElementsOf(stored).hasSize(4);
        assertThat(exported)
                .anySatisfy(r -> assertThat(r).contains("|2|partly|First review booked for the 20th|"))
                .anySatisfy(r -> assertThat(r).startsWith("Elm Court|").contains("|open||||"));
    }
}
