package uk.stepup.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.stepup.checkins.Checkin;
import uk.stepup.checkins.CheckinAnswers;
import uk.stepup.checkins.CheckinService;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.Home;
import uk.stepup.deliveries.DeliveryLedger;
import uk.stepup.sandbox.InteractionHandle;
import uk.stepup.sandbox.SandboxAttachment;
import uk.stepup.sandbox.SandboxChannel;
import uk.stepup.sandbox.SandboxMessage;
import uk.stepup.sandbox.SandboxModal;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Rating;

/**
 * One cohort's first week, end to end over the sandbox with the real JDA client and a real SQLite file:
 * create, enrol, prompt, check in, edit, privacy refusal, reminder, restart, summary. Steps run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProgrammeEndToEndTest {
    static final Duration WAIT =
            Duration.ofSeconds(30); // an upper bound: a loaded CI machine under Discord's route limits is slow
    /** Wednesday 30 December 2026, 10:00 in London; the cohort starts Monday 4 January 2027. */
    static final Instant CREATED = Instant.parse("2026-12-30T10:00:00Z");

    static final Instant WEEK1_PROMPT = Instant.parse("2027-01-04T09:00:00Z");

    @RegisterExtension
    static final EndToEnd e2e = EndToEnd.startingAt(CREATED);

    BotHarness h;

    @BeforeAll
    void start() throws Exception {
        h = e2e.harness();
    }

    private Cohort cohort() {
        return h.bot.cohorts.byName(h.guild.id(), "Spring 2027").orElseThrow();
    }

    private SandboxChannel channel(String name) {
        return h.guild.channelByName("SUO · Spring 2027", name).orElseThrow(() -> new AssertionError("no #" + name));
    }

    @Test
    @Order(1)
    void commands_are_registered_and_a_non_coach_is_refused() {
        InteractionHandle refused = h.sandbox
                .as(h.outsider, h.guild)
                .slash("cohort create", Map.of("name", "Spring 2027"), h.general)
                .awaitResponse(WAIT);
        assertThat(refused.isEphemeral()).isTrue();
        assertThat(refused.awaitReply(WAIT).content()).contains("Only coaches");
        assertThat(h.bot.cohorts.inGuild(h.guild.id())).isEmpty();
    }

    @Test
    @Order(2)
    void a_coach_creates_a_cohort_with_its_channels_and_permissions() {
        InteractionHandle created = h.sandbox
                .as(h.coach, h.guild)
                .slash("cohort create", Map.of("name", "Spring 2027", "start", "2027-01-04"), h.general)
                .awaitResponse(WAIT);
        assertThat(created.failed()).isFalse();
        assertThat(created.awaitReply(WAIT).content()).contains("Spring 2027").contains("Week 1");
        for (String name : List.of("announcements", "this-week", "peer-learning", "coaches")) {
            assertThat(channel(name).canView(h.coach)).as("coach sees #" + name).isTrue();
            assertThat(channel(name).canView(h.outsider))
                    .as("outsider does not see #" + name)
                    .isFalse();
        }
        assertThat(cohort().channels().thisWeekId()).isPresent();
    }

    @Test
    @Order(3)
    void a_csv_with_a_bad_row_imports_nothing_and_a_good_file_enrols_everyone() {
        String bad = "home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led\n"
                + "Oak House,1-123456789," + h.alice.id() + ";" + h.carol.id()
                + ",Good,Requires improvement,Good,Good,Good,Good\n"
                + "Elm Court,1-99,12ab,Good,,,,,\n";
        InteractionHandle r1 = h.sandbox
                .as(h.coach, h.guild)
                .slash(
                        "cohort import",
                        Map.of(
                                "file",
                                SandboxAttachment.of("homes.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8))),
                        channel("announcements"))
                .awaitResponse(WAIT);
        assertThat(r1.awaitReply(WAIT).content())
                .contains("Nothing was imported")
                .contains("line 3");
        assertThat(h.bot.homes.inCohort(cohort().id())).isEmpty();

        String good = bad.replace("Elm Court,1-99,12ab,Good", "Elm Court,1-987654321," + h.bob.id() + ",Good");
        InteractionHandle r2 = h.sandbox
                .as(h.coach, h.guild)
                .slash(
                        "cohort import",
                        Map.of(
                                "file",
                                SandboxAttachment.of("homes.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8))),
                        channel("announcements"))
                .awaitResponse(WAIT);
        assertThat(r2.awaitReply(WAIT).content())
                .contains("The file is good: 2 homes with 3 managers")
                .contains("#coaches");
        SandboxMessage report = h.setupReport(cohort().name());
        assertThat(report.content())
                .contains("Imported 2 homes with 3 managers into")
                .contains("Every home has its private channel");
        assertThat(report.pingedUserIds()).containsExactly(h.coach.id());
        SandboxChannel oak = channel("home-oak-house");
        assertThat(oak.canView(h.alice)).isTrue();
        assertThat(oak.canView(h.carol)).isTrue();
        assertThat(oak.canView(h.coach)).isTrue();
        assertThat(oak.canView(h.bob)).as("another home's manager").isFalse();
        assertThat(oak.canView(h.outsider)).isFalse();
        assertThat(channel("this-week").canView(h.bob)).isTrue();
    }

    @Test
    @Order(4)
    void the_prompt_is_posted_at_nine_on_monday_with_a_check_in_button() {
        h.at(WEEK1_PROMPT.minusSeconds(60));
        assertThat(channel("this-week").messages()).isEmpty();
        h.at(WEEK1_PROMPT);
        SandboxMessage prompt = h.sandbox.awaitMessage(
                channel("this-week"), m -> m.button("Check in").isPresent(), WAIT);
        assertThat(prompt.embeds().get(0).title()).startsWith("Week 1 · S1");
        assertThat(prompt.createdAt()).isEqualTo(WEEK1_PROMPT);
        assertThat(prompt.pingedNobody()).isTrue();
        assertThat(prompt.threadId()).isPresent();
        h.at(WEEK1_PROMPT.plusSeconds(5)); // a double fire
        assertThat(posts("this-week")).hasSize(1);
    }

    /** What everyone sees in the channel (ephemeral replies are only for the person who acted). */
    private List<SandboxMessage> posts(String channel) {
        return channel(channel).messages().stream()
                .filter(m -> !m.isEphemeral())
                .toList();
    }

    private SandboxMessage prompt() {
        return channel("this-week").messages().stream()
                .filter(m -> m.button("Check in").isPresent())
                .findFirst()
                .orElseThrow();
    }

    @Test
    @Order(5)
    void a_manager_checks_in_from_the_button_and_edits_it_keeping_revisions() {
        h.clock.set(WEEK1_PROMPT.plus(Duration.ofHours(2)));
        InteractionHandle open =
                h.sandbox.as(h.alice, h.guild).clickLabel(prompt(), "Check in").awaitResponse(WAIT);
        SandboxModal modal = open.modal();
        assertThat(modal.title()).startsWith("Week 1 · S1");
        assertThat(modal.fields()).hasSize(5);
        InteractionHandle saved = h.sandbox
                .as(h.alice, h.guild)
                .submitModal(
                        modal,
                        Map.of(
                                "rating", List.of("good"),
                                "did", "Ran a five-minute safeguarding huddle at each handover.",
                                "highlight", "Night staff asked for the huddle too."))
                .awaitResponse(WAIT);
        assertThat(saved.isEphemeral()).isTrue();
        assertThat(saved.awaitReply(WAIT).content()).contains("Saved your week 1 check-in");
        assertThat(saved.awaitReply(WAIT).button("Share anonymously")).isPresent();
        Home oak = h.bot.homes.byName(cohort().id(), "Oak House").orElseThrow();
        Checkin first = h.bot.checkins.find(oak.id(), 1).orElseThrow();
        assertThat(first.revisions()).isEqualTo(1);
        assertThat(first.late()).isFalse();

        h.sandbox
                .as(h.alice, h.guild)
                .clickLabel(saved.awaitReply(WAIT), "Share with our name")
                .awaitResponse(WAIT);

        // The deputy reopens it through /checkin: pre-filled, and the edit becomes revision 2.
        InteractionHandle again =
                h.sandbox.as(h.carol, h.guild).slash("checkin", h.general).awaitResponse(WAIT);
        SandboxModal prefilled = again.modal();
        assertThat(prefilled.field("did").orElseThrow().value()).contains("safeguarding huddle");
        InteractionHandle edited = h.sandbox
                .as(h.carol, h.guild)
                .submitModal(
                        prefilled,
                        Map.of(
                                "rating",
                                List.of("outstanding"),
                                "did",
                                "Ran a safeguarding huddle at every handover, nights included."))
                .awaitResponse(WAIT);
        assertThat(edited.awaitReply(WAIT).content()).contains("version 2");
        Checkin second = h.bot.checkins.find(oak.id(), 1).orElseThrow();
        assertThat(second.revisions()).isEqualTo(2);
        assertThat(h.bot.checkins.revisions(second.id())).hasSize(2);

        InteractionHandle asked =
                h.sandbox.as(h.alice, h.guild).slash("progress", h.general).awaitResponse(WAIT);
        // Deferred before the chart is drawn: Discord's three seconds include the network both ways.
        assertThat(asked.callbackType()).isEqualTo(5);
        SandboxMessage progress = asked.awaitReply(WAIT);
        assertThat(progress.isEphemeral()).isTrue();
        // The code and the (shortened) title are two words, not "S1Safeguarding…".
        assertThat(progress.content())
                .contains("Week 1 · S1 Safeguarding people from abuse")
                .contains("Outstanding")
                .contains("baseline Requires improvement")
                .contains("not a CQC judgement");
        assertThat(progress.attachment("my-journey.png")).isPresent();
    }

    @Test
    @Order(6)
    void an_nhs_number_is_refused_and_nothing_is_stored_or_echoed() {
        InteractionHandle open =
                h.sandbox.as(h.bob, h.guild).clickLabel(prompt(), "Check in").awaitResponse(WAIT);
        InteractionHandle refused = h.sandbox
                .as(h.bob, h.guild)
                .submitModal(
                        open.modal(),
                        Map.of(
                                "rating",
                                List.of("good"),
                                "did",
                                "Reviewed the care plan for NHS 943 476 5919 after a fall."))
                .awaitResponse(WAIT);
        assertThat(refused.isEphemeral()).isTrue();
        assertThat(refused.awaitReply(WAIT).content())
                .doesNotContain("943 476 5919")
                .containsIgnoringCase("NHS number");
        Home elm = h.bot.homes.byName(cohort().id(), "Elm Court").orElseThrow();
        assertThat(h.bot.checkins.find(elm.id(), 1)).isEmpty();
    }

    @Test
    @Order(7)
    void a_manager_cannot_check_in_for_another_home_and_an_outsider_cannot_check_in() {
        InteractionHandle outsider =
                h.sandbox.as(h.outsider, h.guild).slash("checkin", h.general).awaitResponse(WAIT);
        assertThat(outsider.awaitReply(WAIT).content()).contains("not enrolled");
        Home oak = h.bot.homes.byName(cohort().id(), "Oak House").orElseThrow();
        // Bob cannot submit Oak House's modal even with a forged custom id.
        assertThat(h.bot.desk.submit(
                        new Actor(h.bob.id(), "Bob", h.guild.id(), false),
                        oak.id(),
                        1,
                        new CheckinAnswers(Rating.GOOD, "x", Optional.empty(), Optional.empty(), Optional.empty())))
                .isInstanceOf(CheckinService.Refused.class);
    }

    @Test
    @Order(8)
    void the_reminder_goes_only_to_homes_that_have_not_checked_in_and_pings_only_their_managers() {
        Instant reminder = Instant.parse("2027-01-07T12:00:00Z");
        h.at(reminder);
        SandboxChannel elm = channel("home-elm-court");
        SandboxMessage r = h.sandbox.awaitMessage(elm, m -> m.content().contains("reminder"), WAIT);
        assertThat(r.pingedUserIds()).containsExactly(h.bob.id());
        assertThat(r.pingedEveryone()).isFalse();
        assertThat(channel("home-oak-house").messages())
                .noneMatch(m -> m.content().contains("reminder"));
    }

    @Test
    @Order(9)
    void a_restart_mid_week_neither_duplicates_nor_drops_posts() throws Exception {
        h.stop();
        h.clock.set(Instant.parse("2027-01-08T09:00:00Z"));
        h.start();
        h.at(Instant.parse("2027-01-08T09:00:05Z"));
        assertThat(posts("this-week")).hasSize(1);
        assertThat(posts("home-elm-court").stream().filter(m -> m.content().contains("reminder")))
                .hasSize(1);
        // Bob checks in late after the window closes on Sunday 20:00.
        h.at(Instant.parse("2027-01-10T20:00:00Z"));
        h.clock.set(Instant.parse("2027-01-10T21:30:00Z"));
        InteractionHandle open =
                h.sandbox.as(h.bob, h.guild).slash("checkin", h.general).awaitResponse(WAIT);
        InteractionHandle saved = h.sandbox
                .as(h.bob, h.guild)
                .submitModal(
                        open.modal(),
                        Map.of(
                                "rating",
                                List.of("requires_improvement"),
                                "did",
                                "Mapped our safeguarding referrals from last year by theme."))
                .awaitResponse(WAIT);
        assertThat(saved.awaitReply(WAIT).content()).contains("marked late");
    }

    @Test
    @Order(10)
    void the_summary_is_posted_once_monday_morning_without_pinging_anyone_and_respects_sharing_choices()
            throws Exception {
        // The bot is down over the summary time and catches up when it starts again.
        h.stop();
        h.clock.set(Instant.parse("2027-01-11T08:30:00Z"));
        h.start();
        SandboxMessage summary = h.sandbox.awaitMessage(
                channel("peer-learning"),
                m -> !m.embeds().isEmpty() && m.embeds().get(0).title().startsWith("Week 1 summary"),
                WAIT);
        assertThat(summary.pingedNobody()).isTrue();
        assertThat(summary.embeds().get(0).description())
                .contains("2 of 2 homes checked in")
                .contains("1 late");
        String all = summary.embeds().toString();
        assertThat(all).contains("Oak House").contains("Night staff asked for the huddle too.");
        assertThat(all).doesNotContain("Mapped our safeguarding referrals"); // private text stays private
        byte[] png = summary.attachment("heatmap-week-1.png").orElseThrow().bytes();
        assertThat(ImageIO.read(new ByteArrayInputStream(png))).isNotNull();
        assertThat(summary.embeds().get(0).imageUrl()).contains("heatmap-week-1.png");
        h.at(Instant.parse("2027-01-11T08:35:00Z"));
        assertThat(posts("peer-learning")).hasSize(1);
        DeliveryLedger.Entry entry = h.bot.ledger
                .find(new DeliveryLedger.Key(cohort().id(), 1, DeliveryLedger.Kind.SUMMARY, "peer-learning"))
                .orElseThrow();
        assertThat(entry.status()).isEqualTo(DeliveryLedger.Status.SENT);
        assertThat(entry.late()).isTrue();
        SandboxMessage note =
                h.sandbox.awaitMessage(channel("coaches"), m -> m.content().contains("week 1 summary"), WAIT);
        assertThat(note.content()).contains("posted late");
        assertThat(channel("coaches").canView(h.alice)).isFalse();
        // Week 2's prompt follows at 09:00.
        h.at(Instant.parse("2027-01-11T09:00:00Z"));
        assertThat(posts("this-week")).hasSize(2);
    }

    @Test
    @Order(11)
    void unregistered_commands_are_refused_by_the_client() {
        assertThatThrownBy(() -> h.sandbox.as(h.coach, h.guild).slash("nonsense", h.general))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
