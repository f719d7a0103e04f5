package uk.stepup.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.cohorts.Home;
import uk.stepup.sandbox.SandboxAttachment;
import uk.stepup.sandbox.SandboxCommand;
import uk.stepup.sandbox.SandboxMessage;
import uk.stepup.sandbox.SandboxUser;

/**
 * Who may do what, from one table. Every registered command and subcommand must appear below, as coach-only or
 * open to everyone, so a new command cannot be forgotten. Coach-only commands are tried by a manager and by an
 * outsider, and must be refused with nothing changed; a manager's view never shows another home's data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(NoErrorLogs.class)
class AuthorizationMatrixTest {
    static final Duration WAIT = Duration.ofSeconds(15);

    /** Coach-only commands with options that would succeed for a coach. */
    static Map<String, Map<String, Object>> coachOnly(BotHarness h) {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        m.put("cohort create", Map.of("name", "Hijack"));
        m.put("cohort enrol", Map.of("home", "Fake Home", "manager", h.outsider));
        m.put("cohort import", Map.of("file", SandboxAttachment.of("h.csv", "text/csv",
                ("home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led\nX,," + h.outsider.id()
                        + ",,,,,,\n").getBytes(StandardCharsets.UTF_8))));
        m.put("cohort pause", Map.of());
        m.put("cohort resume", Map.of());
        m.put("cohort skip", Map.of());
        m.put("cohort end", Map.of());
        m.put("cohort repair", Map.of());
        m.put("cohort status", Map.of());
        m.put("task create", Map.of("title", "Hijacked task", "due", "2030-01-01"));
        m.put("session schedule", Map.of("when", "2030-01-01 10:00", "link", "https://example.org/call"));
        m.put("broadcast", Map.of("message", "Not from a coach"));
        m.put("measure add", Map.of("name", "Falls", "unit", "falls", "direction", "decrease"));
        m.put("export", Map.of("format", "csv"));
        return m;
    }

    /** Commands anyone may run; each shows the person only their own data. */
    static final List<String> OPEN = List.of("checkin", "progress", "task list", "measure list", "measure import", "measures");

    @TempDir
    static Path dir;
    BotHarness h;

    @BeforeAll
    void start() throws Exception {
        h = new BotHarness(dir, Instant.parse("2027-01-06T10:00:00Z"));
        h.sandbox.as(h.coach, h.guild).slash("cohort create", Map.of("name", "Matrix"), h.general).awaitReply(WAIT);
        String csv = "home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led\n"
                + "Oak House,," + h.alice.id() + ",,,,,,\nElm Court,," + h.bob.id() + ",,,,,,\n";
        h.sandbox.as(h.coach, h.guild).slash("cohort import", Map.of("cohort", "Matrix", "file",
                SandboxAttachment.of("h.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))), h.general).awaitReply(WAIT);
    }

    @AfterAll
    void stop() {
        h.close();
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
        List<Home> homes = h.bot.homes.inCohort(h.bot.cohorts.byName(h.guild.id(), "Matrix").orElseThrow().id());
        for (SandboxUser who : List.of(h.alice, h.outsider)) {
            for (Map.Entry<String, Map<String, Object>> c : coachOnly(h).entrySet()) {
                SandboxMessage reply = h.sandbox.as(who, h.guild).slash(c.getKey(), c.getValue(), h.general).awaitReply(WAIT);
                assertThat(reply.isEphemeral()).as(c.getKey()).isTrue();
                assertThat(reply.content()).as(who.username() + " /" + c.getKey()).contains("Only coaches");
            }
        }
        assertThat(h.bot.cohorts.inGuild(h.guild.id())).hasSize(cohorts);
        assertThat(h.bot.homes.inCohort(homes.get(0).cohortId())).isEqualTo(homes);
        assertThat(h.bot.cohorts.byName(h.guild.id(), "Matrix").orElseThrow().status().name()).isEqualTo("ACTIVE");
        assertThat(h.sandbox.violations()).isEmpty();
    }

    @Test
    void a_manager_sees_only_their_own_home() {
        SandboxMessage alice = h.sandbox.as(h.alice, h.guild).slash("progress", h.general).awaitReply(WAIT);
        assertThat(alice.content()).contains("Oak House").doesNotContain("Elm Court");
        SandboxMessage bob = h.sandbox.as(h.bob, h.guild).slash("task list", Map.of(), h.general).awaitReply(WAIT);
        assertThat(bob.content()).doesNotContain("Oak House");
        Home oak = h.bot.homes.inCohort(h.bot.cohorts.byName(h.guild.id(), "Matrix").orElseThrow().id()).stream()
                .filter(x -> x.name().equals("Oak House")).findFirst().orElseThrow();
        assertThat(h.sandbox.channel(oak.channelId().orElseThrow()).orElseThrow().canView(h.bob)).isFalse();
    }
}
