package uk.stepup.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import uk.stepup.improvement.IhiScale;
import uk.stepup.improvement.ProgressScore;
import uk.stepup.sandbox.InteractionHandle;
import uk.stepup.sandbox.SandboxAttachment;
import uk.stepup.sandbox.SandboxChannel;
import uk.stepup.sandbox.SandboxMessage;
import uk.stepup.sandbox.SandboxUser;

/**
 * {@code /score} end to end over the sandbox with the real JDA client and a real SQLite file: the score's choices
 * carry IHI's meaning of each step, a coach scores a home at the current week, a manager is refused, a note with an
 * identifier is refused and nothing stored, and {@code /score list} shows each home's latest score.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProgressScoreEndToEndTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    /**
     * Monday of programme week 1, a year ahead of the real date: the sandbox's interactions expire against the
     * computer's clock, so the simulated calendar must not lie behind it.
     */
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
    void start() {
        h = e2e.harness();
    }

    private Cohort cohort() {
        return h.bot.cohorts.byName(h.guild.id(), "Riverside").orElseThrow();
    }

    private Home home(String name) {
        return h.bot.homes.byName(cohort().id(), name).orElseThrow();
    }

    private List<ProgressScore> scores(String home) {
        return h.bot.features.progressScores.history(home(home).id());
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

    @Test
    @Order(1)
    void the_score_choices_show_ihis_meaning_of_each_step() {
        JsonNode set = null;
        for (JsonNode sub :
                h.sandbox.command(h.guild, "score").orElseThrow().json().path("options")) {
            if (sub.path("name").asText().equals("set")) {
                set = sub;
            }
        }
        assertThat(set).isNotNull();
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (JsonNode o : set.path("options")) {
            if (o.path("name").asText().equals("score")) {
                o.path("choices").forEach(c -> {
                    names.add(c.path("name").asText());
                    values.add(c.path("value").asText());
                });
            }
        }
        assertThat(names)
                .hasSize(10)
                .startsWith("0.5 · Intent to participate", "1.0 · Charter and team established")
                .contains("3.0 · Modest improvement")
                .endsWith("5.0 · Outstanding sustainable results");
        assertThat(values).containsExactly("0.5", "1.0", "1.5", "2.0", "2.5", "3.0", "3.5", "4.0", "4.5", "5.0");
    }

    @Test
    @Order(2)
    void a_coach_scores_a_home_at_the_current_week() {
        assertThat(reply(h.coach, "cohort create", Map.of("name", "Riverside", "start", START.toString()), h.general)
                        .content())
                .contains("Riverside");
        String csv = "home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led\n"
                + "Oak House,1-123456789," + h.alice.id() + ",Good,,,,,\n"
                + "Elm Court,1-987654321," + h.bob.id() + ",Good,,,,,\n";
        SandboxChannel announcements =
                h.guild.channelByName("SUO · Riverside", "announcements").orElseThrow();
        assertThat(reply(
                                h.coach,
                                "cohort import",
                                Map.of(
                                        "file",
                                        SandboxAttachment.of(
                                                "homes.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))),
                                announcements)
                        .content())
                .contains("The file is good: 2 homes");
        h.setupReport("Riverside");

        h.at(at(9, "10:00")); // Tuesday of week 2
        String said = reply(
                        h.coach,
                        "score set",
                        Map.of("home", "oak house", "score", "2.5", "note", "Two cycles on night checks"),
                        h.general)
                .content();
        assertThat(said).contains("Oak House scored 2.5 · Changes tested, but no improvement at week 2");
        assertThat(scores("Oak House")).singleElement().satisfies(s -> {
            assertThat(s.score()).isEqualTo(IhiScale.CHANGES_TESTED);
            assertThat(s.week()).isEqualTo(2);
            assertThat(s.note()).isEqualTo("Two cycles on night checks");
            assertThat(s.setBy()).isEqualTo(h.coach.id());
        });

        h.at(at(16, "10:00")); // week 3
        assertThat(reply(h.coach, "score set", Map.of("home", "Oak House", "score", "3.0"), h.general)
                        .content())
                .contains("3.0 · Modest improvement at week 3")
                .contains("Before: 2.5 · Changes tested, but no improvement (week 2)");
        assertThat(scores("Oak House")).extracting(ProgressScore::week).containsExactly(2, 3);
    }

    @Test
    @Order(3)
    void a_manager_is_refused_and_nothing_is_stored() {
        assertThat(reply(h.alice, "score set", Map.of("home", "Oak House", "score", "5.0"), h.general)
                        .content())
                .contains("Only coaches give progress scores");
        assertThat(reply(h.bob, "score list", Map.of(), h.general).content())
                .contains("Only coaches give progress scores");
        assertThat(scores("Oak House")).hasSize(2);
        assertThat(scores("Elm Court")).isEmpty();
    }

    @Test
    @Order(4)
    void a_wrong_home_or_a_note_with_an_identifier_is_refused_kindly() {
        assertThat(reply(h.coach, "score set", Map.of("home", "Ash Lodge", "score", "1.0"), h.general)
                        .content())
                .contains("\"Ash Lodge\" is not a home of Riverside")
                .contains("Its homes: Elm Court, Oak House.");
        String refused = reply(
                        h.coach,
                        "score set",
                        Map.of("home", "Elm Court", "score", "1.0", "note", "Call 07700 900123 about it"),
                        h.general)
                .content();
        assertThat(refused).contains("phone number").doesNotContain("07700 900123");
        assertThat(scores("Elm Court")).isEmpty();
    }

    @Test
    @Order(5)
    void the_list_shows_each_homes_latest_score() {
        String list = reply(h.coach, "score list", Map.of(), h.general).content();
        assertThat(list)
                .contains("**Oak House**: 3.0 · Modest improvement (week 3, 2 scores)")
                .contains("**Elm Court**: not scored yet")
                .contains("1 of 2 homes scored");
    }
}
