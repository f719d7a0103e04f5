package uk.stepup.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.Home;
import uk.stepup.measures.Measure;
import uk.stepup.measures.MeasureValue;
import uk.stepup.sandbox.InteractionHandle;
import uk.stepup.sandbox.SandboxAttachment;
import uk.stepup.sandbox.SandboxChannel;
import uk.stepup.sandbox.SandboxMessage;
import uk.stepup.sandbox.SandboxModal;
import uk.stepup.sandbox.SandboxUser;

/**
 * Measures end to end over the sandbox with the real JDA client and a real SQLite file: a coach defines the
 * cohort's measures (a non-coach is refused), a manager imports twelve weeks of history, both managers enter
 * values after their check-ins for seven weeks (one typo fixed through the pre-filled form), the manager's
 * {@code /measures} shows the chart with its special cause, and the weekly summary carries the cohort's small
 * multiples with a small count suppressed. Steps run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MeasuresEndToEndTest {
    static final Duration WAIT =
            Duration.ofSeconds(30); // an upper bound: a loaded CI machine under Discord's route limits is slow
    /** Wednesday 30 December 2026, 10:00 in London; the cohort starts Monday 4 January 2027. */
    static final Instant CREATED = Instant.parse("2026-12-30T10:00:00Z");

    static final LocalDate START = LocalDate.of(2027, 1, 4);
    /** Oak House's falls, weeks 1 to 7: well below its history of 8 to 10 a week. */
    static final int[] OAK = {3, 4, 3, 4, 3, 4, 2};
    /** Elm Court's falls, weeks 1 to 7; in week 7 the two homes have 3 falls between them. */
    static final int[] ELM = {6, 7, 6, 5, 6, 7, 1};

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

    private Measure measure(String name) {
        return h.bot.measures.inCohort(cohort().id()).stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** 09:00 London (UTC in winter) on the Monday of programme week {@code n}: its prompt. */
    private static Instant prompt(int n) {
        return START.plusWeeks(n - 1L).atTime(9, 0).toInstant(ZoneOffset.UTC);
    }

    /** Keeps a chart the bot sent in {@code target/chart-samples/} for a person to look at. */
    private static void keep(String name, byte[] png) throws IOException {
        Path samples = Path.of("target", "chart-samples");
        Files.createDirectories(samples);
        Files.write(samples.resolve(name), png);
    }

    @Test
    @Order(1)
    void a_coach_sets_up_the_cohort_and_only_a_coach_may_add_a_measure() {
        InteractionHandle created = h.sandbox
                .as(h.coach, h.guild)
                .slash("cohort create", Map.of("name", "Spring 2027", "start", "2027-01-04"), h.general)
                .awaitResponse(WAIT);
        assertThat(created.awaitReply(WAIT).content()).contains("Spring 2027");
        for (Object[] enrol : new Object[][] {{"Oak House", h.alice}, {"Elm Court", h.bob}}) {
            h.sandbox
                    .as(h.coach, h.guild)
                    .slash("cohort enrol", Map.of("home", enrol[0], "manager", enrol[1]), channel("announcements"))
                    .awaitResponse(WAIT)
                    .awaitReply(WAIT);
        }
        assertThat(h.bot.homes.inCohort(cohort().id())).hasSize(2);

        for (SandboxUser notCoach : List.of(h.outsider, h.alice)) {
            InteractionHandle refused = h.sandbox
                    .as(notCoach, h.guild)
                    .slash("measure add", Map.of("name", "Falls", "unit", "falls", "direction", "decrease"), h.general)
                    .awaitResponse(WAIT);
            assertThat(refused.isEphemeral()).isTrue();
            assertThat(refused.awaitReply(WAIT).content()).contains("Only coaches");
        }
        assertThat(h.bot.measures.inCohort(cohort().id())).isEmpty();
    }

    @Test
    @Order(2)
    void the_coach_adds_a_weekly_count_and_a_monthly_rate() {
        InteractionHandle falls = h.sandbox
                .as(h.coach, h.guild)
                .slash(
                        "measure add",
                        Map.of("name", "Falls", "unit", "falls", "direction", "decrease", "target", 6),
                        channel("announcements"))
                .awaitResponse(WAIT);
        assertThat(falls.awaitReply(WAIT).content())
                .contains("Added measure 1 to Spring 2027: **Falls**")
                .contains("lower is better · target 6");
        InteractionHandle rate = h.sandbox
                .as(h.coach, h.guild)
                .slash(
                        "measure add",
                        Map.of(
                                "name",
                                "Falls rate",
                                "unit",
                                "per 1,000 occupied bed days",
                                "direction",
                                "decrease",
                                "frequency",
                                "monthly",
                                "numerator_label",
                                "falls",
                                "denominator_label",
                                "occupied bed days",
                                "per",
                                1000,
                                "cohort",
                                "Spring 2027"),
                        h.general)
                .awaitResponse(WAIT);
        assertThat(rate.awaitReply(WAIT).content())
                .contains("Added measure 2")
                .contains("falls ÷ occupied bed days × 1,000");

        InteractionHandle list =
                h.sandbox.as(h.bob, h.guild).slash("measure list", h.general).awaitResponse(WAIT);
        assertThat(list.awaitReply(WAIT).content()).contains("1. **Falls**").contains("2. **Falls rate**");
    }

    @Test
    @Order(3)
    void a_manager_imports_twelve_weeks_of_history_all_or_nothing() {
        StringBuilder csv = new StringBuilder("measure,period,value\n");
        int[] history = {8, 9, 8, 10, 9, 8, 9, 8, 9, 10, 8, 9};
        for (int i = 0; i < history.length; i++) {
            csv.append("Falls,")
                    .append(START.minusWeeks(12L - i).plusDays(2))
                    .append(',')
                    .append(history[i])
                    .append('\n');
        }
        String bad = csv + "Falls,2027-13-01,4\n";
        InteractionHandle refused = h.sandbox
                .as(h.alice, h.guild)
                .slash(
                        "measure import",
                        Map.of(
                                "file",
                                SandboxAttachment.of("falls.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8))),
                        h.general)
                .awaitResponse(WAIT);
        assertThat(refused.awaitReply(WAIT).content())
                .contains("Nothing was imported")
                .contains("line 14");
        Home oak = h.bot.homes.byName(cohort().id(), "Oak House").orElseThrow();
        assertThat(h.bot.measures.forHome(oak.id())).isEmpty();

        InteractionHandle imported = h.sandbox
                .as(h.alice, h.guild)
                .slash(
                        "measure import",
                        Map.of(
                                "file",
                                SandboxAttachment.of(
                                        "falls.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8))),
                        h.general)
                .awaitResponse(WAIT);
        assertThat(imported.awaitReply(WAIT).content())
                .contains("Imported 12 values for Oak House")
                .contains("week of 12 Oct 2026 to week of 28 Dec 2026");
        assertThat(h.bot.measures.forHome(oak.id()))
                .hasSize(12)
                .allSatisfy(v -> assertThat(v.source()).isEqualTo(MeasureValue.Source.IMPORTED));
    }

    /** Checks in through {@code /checkin}; returns the saved reply. */
    private SandboxMessage checkIn(SandboxUser who) {
        InteractionHandle open =
                h.sandbox.as(who, h.guild).slash("checkin", h.general).awaitResponse(WAIT);
        InteractionHandle saved = h.sandbox
                .as(who, h.guild)
                .submitModal(
                        open.modal(),
                        Map.of(
                                "rating",
                                List.of("good"),
                                "did",
                                "Reviewed how the home responds after a fall, and changed the night checks."))
                .awaitResponse(WAIT);
        return saved.awaitReply(WAIT);
    }

    private SandboxModal openMeasures(SandboxUser who, SandboxMessage reply, String label) {
        return h.sandbox
                .as(who, h.guild)
                .clickLabel(reply, label)
                .awaitResponse(WAIT)
                .modal();
    }

    @Test
    @Order(4)
    void in_week_one_a_check_in_offers_the_measures_form_and_a_typo_is_fixed_without_retyping() throws Exception {
        h.at(prompt(1));
        long falls = measure("Falls").id();
        long rate = measure("Falls rate").id();
        SandboxMessage saved = checkIn(h.alice);
        assertThat(saved.content()).contains("Saved your week 1 check-in").contains("add this week's numbers");
        SandboxModal form = openMeasures(h.alice, saved, "Add this week's measures");
        assertThat(form.title()).isEqualTo("Week 1 measures");
        assertThat(form.fields())
                .extracting(SandboxModal.Field::customId)
                .containsExactly("m" + falls, "m" + rate + "n", "m" + rate + "d");
        assertThat(form.field("m" + rate + "n").orElseThrow().description()).contains("Monthly, for Dec 2026");

        SandboxMessage problem = h.sandbox
                .as(h.alice, h.guild)
                .submitModal(form, Map.of("m" + falls, "three", "m" + rate + "n", "6", "m" + rate + "d", "1,700"))
                .awaitResponse(WAIT)
                .awaitReply(WAIT);
        assertThat(problem.isEphemeral()).isTrue();
        assertThat(problem.content()).contains("Nothing was saved").contains("**Falls** is not a number");
        Home oak = h.bot.homes.byName(cohort().id(), "Oak House").orElseThrow();
        assertThat(h.bot.measures.forHome(oak.id())).hasSize(12);

        // The bot restarts before Alice comes back to fix it: what she typed is still there.
        h.stop();
        h.start();
        SandboxModal again = openMeasures(h.alice, problem, "Fix my measures");
        assertThat(again.field("m" + falls).orElseThrow().value()).isEqualTo("three");
        assertThat(again.field("m" + rate + "d").orElseThrow().value()).isEqualTo("1,700");
        SandboxMessage ok = h.sandbox
                .as(h.alice, h.guild)
                .submitModal(again, Map.of("m" + falls, String.valueOf(OAK[0])))
                .awaitResponse(WAIT)
                .awaitReply(WAIT);
        assertThat(ok.content())
                .contains("Saved 2 measures for Oak House, week 1")
                .contains("Falls 3")
                .contains("Falls rate 3.53 (6 ÷ 1,700) for Dec 2026");

        SandboxMessage bobSaved = checkIn(h.bob);
        SandboxModal bobForm = openMeasures(h.bob, bobSaved, "Add this week's measures");
        h.sandbox
                .as(h.bob, h.guild)
                .submitModal(bobForm, Map.of("m" + falls, String.valueOf(ELM[0])))
                .awaitResponse(WAIT)
                .awaitReply(WAIT);
    }

    @Test
    @Order(5)
    void for_six_more_weeks_both_managers_enter_their_falls_and_the_monthly_rate_is_not_asked_again() {
        long falls = measure("Falls").id();
        for (int week = 2; week <= 7; week++) {
            h.at(prompt(week));
            for (SandboxUser who : List.of(h.alice, h.bob)) {
                SandboxModal form = openMeasures(who, checkIn(who), "Add this week's measures");
                assertThat(form.title()).isEqualTo("Week " + week + " measures");
                int value = (who == h.alice ? OAK : ELM)[week - 1];
                if (who == h.alice && week <= 4) {
                    // Oak House entered December in week 1; Elm Court never did, so it is still asked.
                    assertThat(form.fields()).hasSize(1);
                }
                SandboxMessage done = h.sandbox
                        .as(who, h.guild)
                        .submitModal(form, Map.of("m" + falls, String.valueOf(value)))
                        .awaitResponse(WAIT)
                        .awaitReply(WAIT);
                assertThat(done.content()).contains("Saved 1 measure").contains("week " + week);
            }
        }
        Home oak = h.bot.homes.byName(cohort().id(), "Oak House").orElseThrow();
        assertThat(h.bot.measures.forHome(oak.id()))
                .filteredOn(v -> v.measureId() == falls)
                .hasSize(19);
    }

    @Test
    @Order(6)
    void the_manager_s_measures_view_has_the_chart_and_names_the_special_cause() throws Exception {
        InteractionHandle view =
                h.sandbox.as(h.alice, h.guild).slash("measures", h.general).awaitResponse(WAIT);
        assertThat(view.isEphemeral()).isTrue();
        SandboxMessage reply = view.awaitReply(WAIT);
        assertThat(reply.content())
                .contains("**Oak House** · your measures in Spring 2027")
                .contains("**1. Falls**")
                .contains("Latest **2**")
                .contains("Special cause improvement (lower)")
                .contains("Hit and miss against the target")
                .contains("**2. Falls rate**");
        assertThat(reply.attachments()).extracting(SandboxAttachment::filename).containsExactly("measure-1-falls.png");
        BufferedImage png =
                ImageIO.read(new ByteArrayInputStream(reply.attachments().get(0).bytes()));
        assertThat(png.getWidth()).isEqualTo(1200);
        keep("e2e-measures-oak-house-falls.png", reply.attachments().get(0).bytes());

        InteractionHandle progress =
                h.sandbox.as(h.alice, h.guild).slash("progress", h.general).awaitResponse(WAIT);
        assertThat(progress.awaitReply(WAIT).content()).contains("**Measures**").contains("/measures");

        InteractionHandle coach =
                h.sandbox.as(h.coach, h.guild).slash("measures", h.general).awaitResponse(WAIT);
        assertThat(coach.awaitReply(WAIT).content()).contains("As a coach").doesNotContain("Oak House");
    }

    @Test
    @Order(7)
    void the_weekly_summary_carries_the_cohort_s_small_multiples_and_suppresses_a_small_count() throws Exception {
        h.at(prompt(8).minus(Duration.ofMinutes(59))); // Monday 08:01: week 7's summary
        SandboxMessage summary = h.sandbox.awaitMessage(
                channel("peer-learning"),
                m -> !m.embeds().isEmpty() && m.embeds().get(0).title().startsWith("Week 7 summary"),
                WAIT);
        assertThat(summary.pingedNobody()).isTrue();
        String all = summary.embeds().toString();
        assertThat(all)
                .contains("Cohort measures")
                .contains("**Falls** (mean per home, lower is better): latest <5, week of 15 Feb 2027, 2 homes")
                .doesNotContain("1.5");
        SandboxAttachment chart =
                summary.attachment("cohort-measures-week-7.png").orElseThrow();
        assertThat(ImageIO.read(new ByteArrayInputStream(chart.bytes())).getWidth())
                .isEqualTo(1200);
        keep("e2e-cohort-measures-week-7.png", chart.bytes());
        // The week's thread gets the same summary with its own copy of the chart.
        SandboxMessage prompt = channel("this-week").messages().stream()
                .filter(m -> m.threadId().isPresent()
                        && !m.embeds().isEmpty()
                        && m.embeds().get(0).title().startsWith("Week 7 ·"))
                .findFirst()
                .orElseThrow();
        SandboxChannel thread =
                h.sandbox.channel(prompt.threadId().orElseThrow()).orElseThrow();
        assertThat(thread.messages())
                .anySatisfy(m ->
                        assertThat(m.attachment("cohort-measures-week-7.png")).isPresent());
    }

    @Test
    @Order(8)
    void with_more_boxes_than_a_form_holds_the_measures_come_in_pages() {
        for (String name : List.of("Hospital admissions", "Pressure ulcers", "Complaints", "Activities offered")) {
            h.sandbox
                    .as(h.coach, h.guild)
                    .slash(
                            "measure add",
                            Map.of(
                                    "name",
                                    name,
                                    "unit",
                                    "count",
                                    "direction",
                                    name.startsWith("Activities") ? "increase" : "decrease"),
                            channel("announcements"))
                    .awaitResponse(WAIT)
                    .awaitReply(WAIT);
        }
        assertThat(h.bot.measures.inCohort(cohort().id())).hasSize(6);
        h.at(prompt(8));
        SandboxMessage saved = checkIn(h.alice);
        // In the cohort's order, a rate's two boxes kept together: Falls, January's rate and two more fill page 1.
        long rate = measure("Falls rate").id();
        SandboxModal one = openMeasures(h.alice, saved, "Add this week's measures (1/2)");
        assertThat(one.title()).isEqualTo("Week 8 measures (1/2)");
        assertThat(one.fields())
                .hasSize(5)
                .allSatisfy(f -> assertThat(f.label().length()).isLessThanOrEqualTo(45));
        assertThat(one.field("m" + rate + "n").orElseThrow().description()).contains("Jan 2027");
        SandboxMessage next = h.sandbox
                .as(h.alice, h.guild)
                .submitModal(
                        one, Map.of("m" + measure("Falls").id(), "3", "m" + rate + "n", "5", "m" + rate + "d", "1,736"))
                .awaitResponse(WAIT)
                .awaitReply(WAIT);
        assertThat(next.content())
                .contains("Saved 2 measures")
                .contains("for Jan 2027")
                .contains("more measures on the next page");
        SandboxModal two = openMeasures(h.alice, next, "Add this week's measures (2/2)");
        assertThat(two.fields())
                .extracting(SandboxModal.Field::customId)
                .containsExactly(
                        "m" + measure("Complaints").id(),
                        "m" + measure("Activities offered").id());
        SandboxMessage done = h.sandbox
                .as(h.alice, h.guild)
                .submitModal(two, Map.of("m" + measure("Complaints").id(), "0"))
                .awaitResponse(WAIT)
                .awaitReply(WAIT);
        assertThat(done.content()).contains("Saved 1 measure").doesNotContain("next page");
        assertThat(done.buttons()).isEmpty();
    }
}
