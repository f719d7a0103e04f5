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
import uk.stepup.cohorts.ProgrammeCalendar;
import uk.stepup.discord.BotPermissions;
import uk.stepup.sandbox.InteractionHandle;
import uk.stepup.sandbox.Permissions;
import uk.stepup.sandbox.SandboxAttachment;
import uk.stepup.sandbox.SandboxChannel;
import uk.stepup.sandbox.SandboxMessage;
import uk.stepup.sandbox.SandboxUser;

/**
 * The whole programme on a server set up as the README says, and no better: the bot holds exactly the README's
 * permissions through its own role, {@code @everyone} has a new server's defaults, and the bot is neither owner nor
 * administrator. A coach creates a cohort, enrols and imports homes, a week of posts goes out, a live session is
 * scheduled, the data is exported, a deleted channel is repaired, and the programme ends. Nothing Discord refuses,
 * and no coach is told a permission is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadmePermissionsEndToEndTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    /** Monday of week 1, a year ahead: JDA refuses a scheduled event before the computer's real clock. */
    static final LocalDate START = ProgrammeCalendar.mondayOf(
                    LocalDate.now(ZoneOffset.UTC).plusYears(1))
            .plusWeeks(1);

    @RegisterExtension
    static final EndToEnd e2e = EndToEnd.startingAt(at(-5, "10:00"));

    BotHarness h;

    static Instant at(int days, String time) {
        return START.plusDays(days)
                .atTime(LocalTime.parse(time))
                .atZone(BotHarness.LONDON)
                .toInstant();
    }

    @BeforeAll
    void start() throws Exception {
        h = e2e.harness();
    }

    private SandboxChannel channel(String name) {
        return h.guild.channelByName("SUO · Northfield", name).orElseThrow(() -> new AssertionError("no #" + name));
    }

    private String reply(SandboxUser user, String command, Map<String, ?> options, SandboxChannel where) {
        InteractionHandle handle =
                h.sandbox.as(user, h.guild).slash(command, options, where).awaitResponse(WAIT);
        assertThat(handle.failed()).as(command).isFalse();
        String text = handle.awaitReply(WAIT).content();
        assertThat(text)
                .as(command)
                .doesNotContain("went wrong")
                .doesNotContain("lacks")
                .doesNotContain("permission");
        return text;
    }

    @Test
    @Order(1)
    void the_server_is_set_up_exactly_as_the_readme_says() {
        assertThat(h.guild.botRole().permissions()).isEqualTo(BotPermissions.raw());
        assertThat(h.guild.everyoneRole().permissions()).isEqualTo(Permissions.EVERYONE_DEFAULT);
        assertThat(h.guild.owner().id()).isNotEqualTo(h.sandbox.botUser().id());
        assertThat(h.guild.permissionsOf(h.sandbox.botUser()) & Permissions.ADMINISTRATOR)
                .isZero();
        assertThat(h.guild.permissionsOf(h.sandbox.botUser()) & Permissions.MANAGE_EVENTS)
                .isZero();
        assertThat(h.guild.permissionsOf(h.sandbox.botUser()) & Permissions.MANAGE_THREADS)
                .isZero();
    }

    @Test
    @Order(2)
    void a_coach_creates_a_cohort_enrols_and_imports_homes() {
        assertThat(reply(h.coach, "cohort create", Map.of("name", "Northfield", "start", START.toString()), h.general))
                .contains("Northfield");
        assertThat(reply(
                        h.coach,
                        "cohort enrol",
                        Map.of("home", "Oak House", "manager", h.alice),
                        channel("announcements")))
                .contains("now manages **Oak House**");
        String csv = "home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led\n"
                + "Elm Court,1-987654321," + h.bob.id() + ",Good,,,,,\n";
        reply(
                h.coach,
                "cohort import",
                Map.of("file", SandboxAttachment.of("homes.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))),
                channel("announcements"));
        h.sandbox.await(
                WAIT,
                () -> h.guild
                        .channelByName("SUO · Northfield", "home-elm-court")
                        .isPresent());
        assertThat(h.guild.channelByName("SUO · Northfield", "home-oak-house")).isPresent();
        assertThat(h.guild.channelByName("SUO · Northfield", "coaches")).isPresent();
    }

    @Test
    @Order(3)
    void a_week_of_posts_goes_out_prompt_thread_checkin_reminder_and_summary() {
        h.at(at(0, "09:00"));
        SandboxMessage prompt = h.sandbox.awaitMessage(
                channel("this-week"), m -> m.button("Check in").isPresent(), WAIT);
        assertThat(h.guild.threads()).anySatisfy(t -> assertThat(t.name()).startsWith("Week 1"));
        h.clock.set(at(0, "10:00"));
        InteractionHandle open =
                h.sandbox.as(h.alice, h.guild).clickLabel(prompt, "Check in").awaitResponse(WAIT);
        InteractionHandle saved = h.sandbox
                .as(h.alice, h.guild)
                .submitModal(
                        open.modal(), Map.of("rating", List.of("good"), "did", "Walked the floor with the night team."))
                .awaitResponse(WAIT);
        assertThat(saved.awaitReply(WAIT).content()).contains("Saved your week");
        h.at(at(3, "12:00"));
        SandboxMessage reminder = h.sandbox.awaitMessage(
                channel("home-elm-court"), m -> m.content().contains("check"), WAIT);
        assertThat(reminder.pingedUserIds()).containsExactly(h.bob.id());
        h.at(at(7, "08:00"));
        h.sandbox.awaitMessage(
                channel("peer-learning"),
                m -> m.embeds().stream().anyMatch(e -> e.title().startsWith("Week 1 summary")),
                WAIT);
    }

    @Test
    @Order(4)
    void a_live_session_becomes_a_discord_event() {
        assertThat(reply(
                        h.coach,
                        "session schedule",
                        Map.of(
                                "when",
                                START.plusDays(9) + " 14:00",
                                "link",
                                "https://zoom.us/j/123456789",
                                "title",
                                "Coaching call"),
                        channel("announcements")))
                .contains("Scheduled **Coaching call**");
        assertThat(h.guild.scheduledEvents())
                .singleElement()
                .satisfies(e -> assertThat(e.name()).isEqualTo("Coaching call"));
    }

    @Test
    @Order(5)
    void the_coach_exports_the_data() {
        InteractionHandle handle = h.sandbox
                .as(h.coach, h.guild)
                .slash("export", Map.of("format", "csv"), channel("announcements"))
                .awaitResponse(WAIT);
        SandboxMessage reply = handle.awaitReply(WAIT);
        assertThat(reply.attachments()).extracting(SandboxAttachment::filename).contains("northfield-checkins.csv");
    }

    @Test
    @Order(6)
    void a_deleted_channel_is_repaired() {
        h.guild.deleteChannel(channel("peer-learning"));
        reply(h.coach, "cohort repair", Map.of("cohort", "Northfield"), h.general);
        h.sandbox.await(
                WAIT,
                () -> h.guild.channelByName("SUO · Northfield", "peer-learning").isPresent());
    }

    @Test
    @Order(7)
    void the_programme_ends_and_no_coach_was_told_of_a_missing_permission() {
        assertThat(reply(h.coach, "cohort end", Map.of("cohort", "Northfield"), h.general))
                .contains("has ended");
        assertThat(channel("coaches").messages()).noneMatch(m -> m.allText().contains("permission"));
    }
}
