package uk.stepup.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.stepup.cohorts.ProgrammeCalendar;
import uk.stepup.sandbox.InteractionHandle;
import uk.stepup.sandbox.Permissions;
import uk.stepup.sandbox.SandboxChannel;
import uk.stepup.sandbox.SandboxMessage;
import uk.stepup.sandbox.SandboxRole;
import uk.stepup.sandbox.SandboxUser;

/**
 * What a server admin can get wrong after inviting the bot, and what the coach is told: a cohort role dragged above
 * the bot's role, and the bot's role without Create Events. Each is explained to the coach who hits it (never "something
 * went wrong"), and the start-up check names it in the log and in the cohort's {@code #coaches}.
 */
class PermissionFaultsEndToEndTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final LocalDate START = ProgrammeCalendar.mondayOf(
                    LocalDate.now(ZoneOffset.UTC).plusYears(1))
            .plusWeeks(1);

    @RegisterExtension
    final EndToEnd e2e = EndToEnd.startingAt(at(-5, "10:00")).withoutRuleCheck();

    static Instant at(int days, String time) {
        return START.plusDays(days)
                .atTime(LocalTime.parse(time))
                .atZone(BotHarness.LONDON)
                .toInstant();
    }

    private static String reply(BotHarness h, SandboxUser user, String command, Map<String, ?> options) {
        InteractionHandle handle =
                h.sandbox.as(user, h.guild).slash(command, options, h.general).awaitResponse(WAIT);
        assertThat(handle.failed()).as(command).isFalse();
        String text = handle.awaitReply(WAIT).content();
        assertThat(text).as(command).doesNotContain("went wrong");
        return text;
    }

    private static SandboxChannel coaches(BotHarness h) {
        return h.guild.channelByName("SUO · Westfield", "coaches").orElseThrow();
    }

    @Test
    void a_cohort_role_above_the_bots_role_is_explained_to_the_coach_and_named_at_start_up() throws Exception {
        BotHarness h = e2e.harness();
        reply(h, h.coach, "cohort create", Map.of("name", "Westfield", "start", START.toString()));
        SandboxRole cohortRole = h.guild.roleByName("SUO · Westfield").orElseThrow();
        h.guild.moveRoleAbove(cohortRole, h.guild.botRole());
        h.sandbox.await(
                WAIT,
                () -> !h.bot.jda
                        .getGuildById(h.guild.id())
                        .getSelfMember()
                        .canInteract(h.bot.jda.getRoleById(cohortRole.id())));

        String enrol = reply(
                h, h.coach, "cohort enrol", Map.of("home", "Oak House", "manager", h.alice, "cohort", "Westfield"));
        assertThat(enrol).contains("above the bot's own role").contains("Server Settings, Roles");
        assertThat(h.guild.member(h.alice).orElseThrow().hasRole(cohortRole)).isFalse();

        h.stop();
        h.start();
        SandboxMessage note =
                h.sandbox.awaitMessage(coaches(h), m -> m.content().contains("permissions on this server"), WAIT);
        assertThat(note.content())
                .contains("its role \"SUO · Westfield\" is above the bot's role")
                .contains("drag");
        assertThat(note.pingedNobody()).isTrue();
        assertThat(h.sandbox.violations()).isEmpty();
    }

    @Test
    void a_bot_role_without_create_events_is_explained_when_scheduling_and_named_at_start_up() throws Exception {
        BotHarness h = e2e.harness();
        reply(h, h.coach, "cohort create", Map.of("name", "Westfield", "start", START.toString()));
        // The admin ticked Manage Events instead of Create Events: since 23 February 2026 that creates nothing.
        h.guild.setRolePermissions(
                h.guild.botRole(), (Permissions.BOT_DEFAULT & ~Permissions.CREATE_EVENTS) | Permissions.MANAGE_EVENTS);
        h.sandbox.await(
                WAIT,
                () -> !h.bot.jda
                        .getGuildById(h.guild.id())
                        .getSelfMember()
                        .hasPermission(Permission.CREATE_SCHEDULED_EVENTS));

        String scheduled = reply(
                h,
                h.coach,
                "session schedule",
                Map.of(
                        "when",
                        START.plusDays(2) + " 14:00",
                        "link",
                        "https://zoom.us/j/123456789",
                        "cohort",
                        "Westfield"));
        assertThat(scheduled).contains("Create Events").contains("Server Settings, Roles");
        assertThat(h.guild.scheduledEvents()).isEmpty();

        h.stop();
        h.start();
        SandboxMessage note =
                h.sandbox.awaitMessage(coaches(h), m -> m.content().contains("permissions on this server"), WAIT);
        assertThat(note.content()).contains("lacks Create Events");
        assertThat(h.sandbox.violations()).isEmpty();
    }
}
