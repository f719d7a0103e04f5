package uk.stepup.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.ProgrammeCalendar;
import uk.stepup.deliveries.DeliveryLedger;
import uk.stepup.sandbox.InteractionHandle;
import uk.stepup.sandbox.SandboxAttachment;
import uk.stepup.sandbox.SandboxChannel;
import uk.stepup.sandbox.SandboxMessage;
import uk.stepup.sandbox.SandboxScheduledEvent;
import uk.stepup.sandbox.SandboxUser;
import uk.stepup.tasks.Session;
import uk.stepup.tasks.Task;

/**
 * The coach's tools end to end over the sandbox with the real JDA client and a real SQLite file: tasks with Mark
 * done and their reminder, a session with its Discord event, reminder and I attended button, broadcasts, and
 * {@code /cohort status}. Steps run in order on one cohort (Oak House: Alice and Carol; Elm Court: Bob).
 *
 * <p>JDA refuses a scheduled event that starts before the computer's real clock (as Discord would), so this test's
 * simulated calendar is set a year ahead of the real date: the cohort starts on the Monday after a year from today.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CoachToolsEndToEndTest {
    static final Duration WAIT =
            Duration.ofSeconds(30); // an upper bound: a loaded CI machine under Discord's route limits is slow
    /** Monday of programme week 1. */
    static final LocalDate START = ProgrammeCalendar.mondayOf(
                    LocalDate.now(ZoneOffset.UTC).plusYears(1))
            .plusWeeks(1);

    @RegisterExtension
    static final EndToEnd e2e = EndToEnd.startingAt(at(-5, "10:00"));

    BotHarness h;

    /** A wall-clock time in London, {@code days} after the start Monday. */
    static Instant at(int days, String time) {
        return START.plusDays(days)
                .atTime(LocalTime.parse(time))
                .atZone(BotHarness.LONDON)
                .toInstant();
    }

    @BeforeAll
    void start() throws Exception {
        h = e2e.harness(); // the Wednesday before
    }

    private Cohort cohort() {
        return h.bot.cohorts.byName(h.guild.id(), "Riverside").orElseThrow();
    }

    private SandboxChannel channel(String name) {
        return h.guild.channelByName("SUO · Riverside", name).orElseThrow(() -> new AssertionError("no #" + name));
    }

    /** What everyone sees in the channel (ephemeral replies are only for the person who acted). */
    private List<SandboxMessage> posts(SandboxChannel channel) {
        return channel.messages().stream().filter(m -> !m.isEphemeral()).toList();
    }

    private List<SandboxMessage> posts(String channel, String containing) {
        return posts(channel(channel)).stream()
                .filter(m -> m.allText().contains(containing))
                .toList();
    }

    private SandboxMessage reply(SandboxUser user, String command, Map<String, ?> options, SandboxChannel where) {
        InteractionHandle handle =
                h.sandbox.as(user, h.guild).slash(command, options, where).awaitResponse(WAIT);
        assertThat(handle.failed()).as(command).isFalse();
        assertThat(handle.isEphemeral())
                .as(command + " replies only to the person")
                .isTrue();
        SandboxMessage reply = handle.awaitReply(WAIT);
        assertThat(reply.pingedNobody()).as(command + " reply pings nobody").isTrue();
        return reply;
    }

    private SandboxMessage click(SandboxUser user, SandboxMessage message, String label) {
        InteractionHandle handle =
                h.sandbox.as(user, h.guild).clickLabel(message, label).awaitResponse(WAIT);
        assertThat(handle.isEphemeral()).isTrue();
        SandboxMessage reply = handle.awaitReply(WAIT);
        assertThat(reply.pingedNobody()).isTrue();
        return reply;
    }

    private void checkIn(SandboxUser user, String did) {
        InteractionHandle open =
                h.sandbox.as(user, h.guild).slash("checkin", h.general).awaitResponse(WAIT);
        InteractionHandle saved = h.sandbox
                .as(user, h.guild)
                .submitModal(open.modal(), Map.of("rating", List.of("good"), "did", did))
                .awaitResponse(WAIT);
        assertThat(saved.awaitReply(WAIT).content()).contains("Saved your week");
    }

    private Home home(String name) {
        return h.bot.homes.byName(cohort().id(), name).orElseThrow();
    }

    @Test
    @Order(1)
    void a_non_coach_is_refused_every_coach_command() {
        List<Map.Entry<String, Map<String, ?>>> commands = List.of(
                Map.entry(
                        "task create",
                        Map.of(
                                "title",
                                "Fire drill log",
                                "due",
                                START.plusDays(4).toString())),
                Map.entry("session schedule", Map.of("when", START + " 14:00", "link", "https://zoom.us/j/1")),
                Map.entry("broadcast", Map.of("message", "@everyone hello", "cohort", "all")),
                Map.entry("cohort status", Map.of()));
        for (Map.Entry<String, Map<String, ?>> c : commands) {
            assertThat(reply(h.outsider, c.getKey(), c.getValue(), h.general).content())
                    .as(c.getKey())
                    .contains("Only coaches");
        }
        assertThat(h.guild.scheduledEvents()).isEmpty();
        assertThat(h.general.messages()).allMatch(SandboxMessage::isEphemeral);
    }

    @Test
    @Order(2)
    void a_coach_sets_up_two_cohorts_and_enrols_two_homes() {
        assertThat(reply(h.coach, "cohort create", Map.of("name", "Riverside", "start", START.toString()), h.general)
                        .content())
                .contains("Riverside");
        assertThat(reply(
                                h.coach,
                                "cohort create",
                                Map.of(
                                        "name",
                                        "Hillside",
                                        "start",
                                        START.plusWeeks(8).toString()),
                                h.general)
                        .content())
                .contains("Hillside");
        String csv = "home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led\n"
                + "Oak House,1-123456789," + h.alice.id() + ";" + h.carol.id() + ",Good,,,,,\n"
                + "Elm Court,1-987654321," + h.bob.id() + ",Good,,,,,\n";
        assertThat(reply(
                                h.coach,
                                "cohort import",
                                Map.of(
                                        "file",
                                        SandboxAttachment.of(
                                                "homes.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))),
                                channel("announcements"))
                        .content())
                .contains("The file is good: 2 homes");
        assertThat(h.setupReport("Riverside").content()).contains("Imported 2 homes with 3 managers");
        // Managers are refused coach commands too.
        assertThat(reply(h.alice, "task create", Map.of("title", "x", "due", START.toString()), h.general)
                        .content())
                .contains("Only coaches");
        assertThat(reply(h.alice, "cohort status", Map.of(), h.general).content())
                .contains("Only coaches");
    }

    @Test
    @Order(3)
    void a_task_is_posted_with_a_mark_done_button_that_each_home_presses_once() {
        SandboxChannel announcements = channel("announcements");
        assertThat(reply(h.coach, "task create", Map.of("title", "Fire drill log", "due", "Friday"), announcements)
                        .content())
                .contains("is not a date")
                .contains("YYYY-MM-DD");
        assertThat(reply(
                                h.coach,
                                "task create",
                                Map.of(
                                        "title",
                                        "Fire drill log",
                                        "due",
                                        START.minusDays(10).toString()),
                                announcements)
                        .content())
                .contains("has passed");
        assertThat(h.bot.tasks.forCohort(cohort().id())).isEmpty();

        String created = reply(
                        h.coach,
                        "task create",
                        Map.of(
                                "title",
                                "Fire drill log",
                                "due",
                                START.plusDays(4).toString(),
                                "details",
                                "Upload your last three fire drill records."),
                        announcements)
                .content();
        assertThat(created).contains("Posted **Fire drill log**").contains("reminder");
        SandboxMessage post =
                h.sandbox.awaitMessage(announcements, m -> m.button("Mark done").isPresent(), WAIT);
        assertThat(post.embeds().get(0).title()).isEqualTo("Task · Fire drill log");
        assertThat(post.embeds().get(0).text()).contains("Upload your last three fire drill records.");
        assertThat(post.pingedNobody()).isTrue();

        assertThat(click(h.alice, post, "Mark done").content())
                .contains("Marked **Fire drill log** done for Oak House");
        assertThat(click(h.bob, post, "Mark done").content()).contains("done for Elm Court");
        SandboxMessage second = click(h.carol, post, "Mark done");
        assertThat(second.content())
                .contains("Already done")
                .contains("Oak House")
                .contains("<@" + h.alice.id() + ">");
        Task task = h.bot.tasks.forCohort(cohort().id()).get(0);
        assertThat(h.bot.tasks.doneFor(task.id())).hasSize(2);
        assertThat(task.messageId()).contains(post.id());
    }

    @Test
    @Order(4)
    void managers_check_in_and_homes_that_have_done_a_task_get_no_reminder() {
        reply(
                h.coach,
                "task create",
                Map.of(
                        "title",
                        "Share your falls audit",
                        "due",
                        START.plusDays(8).toString()),
                channel("announcements"));
        SandboxMessage post = h.sandbox.awaitMessage(
                channel("announcements"),
                m -> m.allText().contains("Share your falls audit")
                        && m.button("Mark done").isPresent(),
                WAIT);
        click(h.alice, post, "Mark done");

        h.at(at(0, "09:00"));
        h.clock.set(at(0, "10:00"));
        checkIn(h.bob, "Ran a fire drill at night and timed it.");
        // Thursday 09:00, the day before the fire drill log is due: both homes have done it.
        h.at(at(3, "09:00"));
        assertThat(posts("home-oak-house", "Fire drill log")).isEmpty();
        assertThat(posts("home-elm-court", "Fire drill log")).isEmpty();
    }

    @Test
    @Order(5)
    void the_day_before_a_task_is_due_only_homes_not_done_are_reminded_pinging_only_their_managers_once()
            throws Exception {
        h.at(at(7, "08:59"));
        assertThat(posts("home-elm-court", "falls audit")).isEmpty();
        h.at(at(7, "09:00"));
        SandboxMessage r = h.sandbox.awaitMessage(
                channel("home-elm-court"), m -> m.content().contains("falls audit"), WAIT);
        assertThat(r.content()).contains("due tomorrow");
        assertThat(r.pingedUserIds()).containsExactly(h.bob.id());
        assertThat(r.pingedEveryone()).isFalse();
        assertThat(r.button("Mark done")).isPresent();
        assertThat(posts("home-oak-house", "falls audit")).isEmpty();
        h.at(at(7, "09:00").plusSeconds(5)); // a double fire

        h.stop();
        h.clock.set(at(7, "09:30"));
        h.start();
        h.at(at(7, "09:31"));
        assertThat(posts("home-elm-court", "falls audit")).hasSize(1);
        Task task = h.bot.tasks.forCohort(cohort().id()).get(1);
        DeliveryLedger.Entry entry = h.bot.ledger
                .find(new DeliveryLedger.Key(
                        cohort().id(),
                        0,
                        DeliveryLedger.Kind.TASK_REMINDER,
                        "task-" + task.id() + ":home-" + home("Elm Court").id()))
                .orElseThrow();
        assertThat(entry.status()).isEqualTo(DeliveryLedger.Status.SENT);
        assertThat(entry.messageId()).contains(r.id());

        h.clock.set(at(7, "10:00"));
        checkIn(h.bob, "Walked the floor with the night team.");
    }

    @Test
    @Order(6)
    void after_the_due_date_a_task_not_done_is_overdue() {
        h.at(at(9, "10:00"));
        assertThat(reply(h.bob, "task list", Map.of(), h.general).content())
                .contains("Elm Court's tasks")
                .contains("✅ **Fire drill log**")
                .contains("⚠️ **Share your falls audit**: overdue");
        assertThat(reply(h.alice, "task list", Map.of(), h.general).content())
                .contains("✅ **Share your falls audit**: done (you");
        assertThat(reply(h.coach, "task list", Map.of(), channel("announcements"))
                        .content())
                .contains("✅ **Fire drill log**")
                .contains("2 of 2 homes done")
                .contains("⚠️ **Share your falls audit**")
                .contains("1 of 2 homes done · 1 overdue");
        assertThat(reply(h.outsider, "task list", Map.of(), h.general).content())
                .contains("not enrolled");
    }

    @Test
    @Order(7)
    void a_session_becomes_a_discord_event_and_a_post() {
        SandboxChannel announcements = channel("announcements");
        String when = START.plusDays(10) + " 14:00";
        assertThat(reply(
                                h.coach,
                                "session schedule",
                                Map.of("when", "Thursday 2pm", "link", "https://zoom.us/j/123456789"),
                                announcements)
                        .content())
                .contains("YYYY-MM-DD HH:MM");
        assertThat(reply(
                                h.coach,
                                "session schedule",
                                Map.of("when", when, "link", "zoom.us/j/123456789"),
                                announcements)
                        .content())
                .contains("https://");
        assertThat(h.guild.scheduledEvents()).isEmpty();

        assertThat(reply(
                                h.coach,
                                "session schedule",
                                Map.of(
                                        "when",
                                        when,
                                        "link",
                                        "https://zoom.us/j/123456789",
                                        "title",
                                        "Fortnightly coaching call"),
                                announcements)
                        .content())
                .contains("Scheduled **Fortnightly coaching call**")
                .contains("14:00")
                .contains("without the call link");
        List<SandboxScheduledEvent> events = h.guild.scheduledEvents();
        assertThat(events).hasSize(1);
        SandboxScheduledEvent event = events.get(0);
        assertThat(event.name()).isEqualTo("Fortnightly coaching call");
        assertThat(event.entityType()).isEqualTo(3);
        // Hillside shares the server and sees its events: Riverside's link stays in its own #announcements.
        assertThat(event.location()).contains("Link in #announcements of Riverside");
        assertThat(event.description().orElseThrow())
                .doesNotContain("zoom.us")
                .contains("<#" + announcements.id() + ">");
        assertThat(announcements.canView(h.outsider)).isFalse();
        assertThat(event.start().toInstant()).isEqualTo(at(10, "14:00"));
        assertThat(event.end().orElseThrow().toInstant()).isEqualTo(at(10, "15:00"));
        SandboxMessage post = h.sandbox.awaitMessage(
                announcements,
                m -> !m.embeds().isEmpty()
                        && m.embeds().get(0).title().equals("Live session · Fortnightly coaching call"),
                WAIT);
        assertThat(post.pingedNobody()).isTrue();
        assertThat(post.allText()).contains("https://zoom.us/j/123456789");
        assertThat(post.buttons()).isEmpty();
        Session session = h.bot.sessions.forCohort(cohort().id()).get(0);
        assertThat(session.eventId()).contains(event.id());
    }

    @Test
    @Order(8)
    void the_session_reminder_goes_out_once_an_hour_before_pinging_nobody() {
        h.at(at(10, "12:59"));
        assertThat(posts("announcements", "Starting in an hour")).isEmpty();
        h.at(at(10, "13:00"));
        SandboxMessage r = h.sandbox.awaitMessage(
                channel("announcements"), m -> m.content().contains("Starting in an hour"), WAIT);
        assertThat(r.content()).contains("Fortnightly coaching call").contains("https://zoom.us/j/123456789");
        assertThat(r.pingedNobody()).isTrue();
        assertThat(r.buttons()).isEmpty();
        h.at(at(10, "13:00").plusSeconds(5));
        h.at(at(10, "13:30"));
        assertThat(posts("announcements", "Starting in an hour")).hasSize(1);
    }

    @Test
    @Order(9)
    void from_the_start_the_i_attended_button_records_each_managers_attendance_once() {
        h.at(at(10, "14:00"));
        SandboxMessage call = h.sandbox.awaitMessage(
                channel("announcements"), m -> m.button("I attended").isPresent(), WAIT);
        assertThat(call.pingedNobody()).isTrue();
        assertThat(call.content()).contains("Fortnightly coaching call");
        h.clock.set(at(10, "14:10"));
        assertThat(click(h.alice, call, "I attended").content())
                .contains("recorded")
                .contains("Oak House");
        assertThat(click(h.alice, call, "I attended").content()).contains("Already recorded");
        assertThat(click(h.coach, call, "I attended").content()).contains("recorded by the homes' managers");
        assertThat(h.bot.sessions.attendanceInCohort(cohort().id()))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.userId()).isEqualTo(h.alice.id());
                    assertThat(a.homeId()).isEqualTo(home("Oak House").id());
                });
        h.at(at(10, "14:05"));
        assertThat(posts(channel("announcements")).stream()
                        .filter(m -> m.button("I attended").isPresent()))
                .hasSize(1);
    }

    @Test
    @Order(10)
    void a_task_reminder_missed_while_the_bot_was_down_is_sent_on_start_before_the_due_date_and_coaches_are_told()
            throws Exception {
        reply(
                h.coach,
                "task create",
                Map.of(
                        "title",
                        "Update your safeguarding policy",
                        "due",
                        START.plusDays(12).toString()),
                channel("announcements"));
        // Down from before Thursday 09:00 (the reminder) until 10:30: still before the due date on Friday.
        h.stop();
        h.clock.set(at(11, "10:30"));
        h.start();
        SandboxMessage elm = h.sandbox.awaitMessage(
                channel("home-elm-court"), m -> m.content().contains("safeguarding policy"), WAIT);
        SandboxMessage oak = h.sandbox.awaitMessage(
                channel("home-oak-house"), m -> m.content().contains("safeguarding policy"), WAIT);
        assertThat(elm.pingedUserIds()).containsExactly(h.bob.id());
        assertThat(oak.pingedUserIds()).containsExactlyInAnyOrder(h.alice.id(), h.carol.id());
        SandboxMessage note =
                h.sandbox.awaitMessage(channel("coaches"), m -> m.content().contains("safeguarding policy"), WAIT);
        assertThat(note.content()).contains("posted late");
        assertThat(note.pingedNobody()).isTrue();
        // The reminder's own button marks the task done.
        assertThat(click(h.bob, elm, "Mark done").content())
                .contains("Marked **Update your safeguarding policy** done for Elm Court");
        h.at(at(11, "10:31"));
        assertThat(posts("home-elm-court", "safeguarding policy")).hasSize(1);
        assertThat(posts("home-oak-house", "safeguarding policy")).hasSize(1);
    }

    @Test
    @Order(11)
    void a_broadcast_goes_to_one_cohort_or_to_all_and_pings_nobody_whatever_it_says() {
        String text = "@everyone @here <@" + h.bob.id() + "> audits are due on Friday.";
        assertThat(reply(h.coach, "broadcast", Map.of("message", text), channel("announcements"))
                        .content())
                .contains("#announcements of Riverside");
        SandboxMessage one = h.sandbox.awaitMessage(
                channel("announcements"), m -> m.allText().contains("audits are due"), WAIT);
        assertThat(one.pingedNobody()).isTrue();
        assertThat(one.pingedEveryone()).isFalse();
        assertThat(one.embeds().get(0).description())
                .contains("everyone")
                .doesNotContain("@everyone")
                .doesNotContain("<@");
        assertThat(one.embeds().get(0).footer()).contains("Cath (coach)");

        assertThat(reply(
                                h.coach,
                                "broadcast",
                                Map.of("message", "@everyone Happy new year", "cohort", "all"),
                                h.general)
                        .content())
                .contains("2 cohorts")
                .contains("Riverside")
                .contains("Hillside");
        SandboxChannel autumn =
                h.guild.channelByName("SUO · Hillside", "announcements").orElseThrow();
        for (SandboxChannel c : List.of(channel("announcements"), autumn)) {
            List<SandboxMessage> found = posts(c).stream()
                    .filter(m -> m.allText().contains("Happy new year"))
                    .toList();
            assertThat(found).as("in " + c.name()).hasSize(1);
            assertThat(found.get(0).pingedNobody()).isTrue();
        }
        assertThat(posts(autumn).stream().filter(m -> m.allText().contains("audits are due")))
                .isEmpty();
    }

    @Test
    @Order(12)
    void cohort_status_lists_the_at_risk_home_first() {
        // Weeks 1 and 2 have closed: Oak House checked in for neither, Elm Court for both.
        h.at(at(14, "09:00"));
        String status = reply(h.coach, "cohort status", Map.of(), channel("announcements"))
                .content();
        assertThat(status)
                .contains("**Riverside** status")
                .contains("2 check-in weeks closed")
                .contains("3 tasks set")
                .contains("1 session held")
                .contains("1 of 2 homes at risk");
        assertThat(status.indexOf("Oak House")).isLessThan(status.indexOf("Elm Court"));
        assertThat(status)
                .contains(
                        "⚠️ **Oak House** · check-ins: 0 on time, 0 late, 2 missed · overdue tasks: 1 · sessions: 1 of 1");
        assertThat(status)
                .contains(
                        "• **Elm Court** · check-ins: 2 on time, 0 late, 0 missed · overdue tasks: 1 · sessions: 0 of 1");

        // The week 2 summary counts the tasks, without naming any home.
        SandboxMessage summary = h.sandbox.awaitMessage(
                channel("peer-learning"),
                m -> !m.isEphemeral()
                        && m.embeds().stream().anyMatch(e -> e.title().startsWith("Week 2 summary")),
                WAIT);
        String tasks = summary.embeds().stream()
                .flatMap(e -> e.fields().stream())
                .filter(f -> f.name().equals("Tasks"))
                .map(f -> f.value())
                .findFirst()
                .orElseThrow();
        assertThat(tasks)
                .contains("across 3 tasks")
                .contains("overdue")
                .doesNotContain("Oak House")
                .doesNotContain("Elm Court");
        assertThat(summary.pingedNobody()).isTrue();
    }
}
