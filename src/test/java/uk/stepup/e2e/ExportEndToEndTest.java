package uk.stepup.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.stepup.sandbox.InteractionHandle;
import uk.stepup.sandbox.SandboxAttachment;
import uk.stepup.sandbox.SandboxChannel;
import uk.stepup.sandbox.SandboxMessage;

/**
 * {@code /export} over the sandbox with the real JDA client and a real SQLite file: refused for anyone but a coach,
 * and for a coach an ephemeral reply with the files attached. Steps run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExportEndToEndTest {
    static final Duration WAIT =
            Duration.ofSeconds(30); // an upper bound: a loaded CI machine under Discord's route limits is slow
    static final Instant CREATED = Instant.parse("2026-12-30T10:00:00Z");
    static final Instant WEEK1_PROMPT = Instant.parse("2027-01-04T09:00:00Z");

    @RegisterExtension
    static final EndToEnd e2e = EndToEnd.startingAt(CREATED);

    BotHarness h;

    @BeforeAll
    void start() throws Exception {
        h = e2e.harness();
        h.sandbox
                .as(h.coach, h.guild)
                .slash("cohort create", Map.of("name", "Spring 2027", "start", "2027-01-04"), h.general)
                .awaitReply(WAIT);
        String csv = "home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led\n"
                + "Oak House,1-123456789," + h.alice.id() + ",Good,Requires improvement,Good,Good,Good,Good\n"
                + "Elm Court,," + h.bob.id() + ",Good,,,,,\n";
        h.sandbox
                .as(h.coach, h.guild)
                .slash(
                        "cohort import",
                        Map.of(
                                "file",
                                SandboxAttachment.of("homes.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))),
                        channel("announcements"))
                .awaitReply(WAIT);
        h.setupReport("Spring 2027");
        h.at(WEEK1_PROMPT);
        SandboxMessage prompt = h.sandbox.awaitMessage(
                channel("this-week"), m -> m.button("Check in").isPresent(), WAIT);
        h.clock.set(WEEK1_PROMPT.plus(Duration.ofHours(3)));
        InteractionHandle open =
                h.sandbox.as(h.alice, h.guild).clickLabel(prompt, "Check in").awaitResponse(WAIT);
        h.sandbox
                .as(h.alice, h.guild)
                .submitModal(
                        open.modal(),
                        Map.of(
                                "rating", List.of("good"),
                                "did", "=HYPERLINK(\"http://evil.example\") was pasted by mistake",
                                "highlight", "Night staff asked for the huddle too."))
                .awaitReply(WAIT);
    }

    private SandboxChannel channel(String name) {
        return h.guild.channelByName("SUO · Spring 2027", name).orElseThrow(() -> new AssertionError("no #" + name));
    }

    @Test
    @Order(1)
    void anyone_but_a_coach_is_refused_and_gets_no_files() {
        for (var who : List.of(h.outsider, h.alice)) {
            InteractionHandle refused =
                    h.sandbox.as(who, h.guild).slash("export", h.general).awaitResponse(WAIT);
            assertThat(refused.isEphemeral()).isTrue();
            SandboxMessage reply = refused.awaitReply(WAIT);
            assertThat(reply.content()).contains("Only coaches");
            assertThat(reply.attachments()).isEmpty();
        }
    }

    @Test
    @Order(2)
    void a_coach_gets_the_csv_files_attached_to_a_reply_only_they_see() {
        InteractionHandle done =
                h.sandbox.as(h.coach, h.guild).slash("export", h.general).awaitResponse(WAIT);
        assertThat(done.isEphemeral()).isTrue();
        SandboxMessage reply = done.awaitReply(WAIT);
        assertThat(reply.content())
                .contains("Export of **Spring 2027**")
                .contains("2 homes")
                .contains("private");
        assertThat(reply.pingedNobody()).isTrue();
        assertThat(reply.attachments())
                .extracting(SandboxAttachment::filename)
                .containsExactly(
                        "spring-2027-homes.csv",
                        "spring-2027-checkins.csv",
                        "spring-2027-tasks.csv",
                        "spring-2027-attendance.csv",
                        "spring-2027-measures.csv",
                        "spring-2027-aims.csv",
                        "spring-2027-pdsa_cycles.csv",
                        "spring-2027-recalculations.csv",
                        "spring-2027-progress_scores.csv",
                        "spring-2027-actions.csv");
        String checkins = new String(
                reply.attachment("spring-2027-checkins.csv").orElseThrow().bytes(), StandardCharsets.UTF_8);
        assertThat(checkins).startsWith("\uFEFFcohort,home,week,");
        assertThat(checkins.split("\r\n")).hasSize(3);
        assertThat(checkins)
                .contains("Spring 2027,Oak House,1,2027-01-04,kloe-2017,S1,Safe,")
                .contains(",on_time,good,3,")
                .contains("'=HYPERLINK(")
                .contains("Spring 2027,Elm Court,1,2027-01-04,kloe-2017,S1,Safe,");
        assertThat(checkins).as("week 1 is still open for Elm Court").contains(",open,");
    }

    @Test
    @Order(3)
    void json_comes_as_one_file() throws Exception {
        SandboxMessage reply = h.sandbox
                .as(h.coach, h.guild)
                .slash("export", Map.of("cohort", "spring 2027", "format", "json"), channel("announcements"))
                .awaitReply(WAIT);
        assertThat(reply.attachments())
                .singleElement()
                .extracting(SandboxAttachment::filename)
                .isEqualTo("spring-2027.json");
        JsonNode doc = new ObjectMapper().readTree(reply.attachments().get(0).bytes());
        assertThat(doc.path("homes")).hasSize(2);
        JsonNode oak = null;
        for (JsonNode row : doc.path("checkins")) {
            if (row.path("home").asText().equals("Oak House")) {
                oak = row;
            }
        }
        assertThat(oak).isNotNull();
        assertThat(oak.path("highlight").asText()).isEqualTo("Night staff asked for the huddle too.");
        assertThat(oak.path("did").asText())
                .as("JSON keeps the text as written")
                .startsWith("=HYPERLINK(");
    }

    @Test
    @Order(4)
    void an_unknown_cohort_is_a_plain_answer() {
        SandboxMessage reply = h.sandbox
                .as(h.coach, h.guild)
                .slash("export", Map.of("cohort", "Autumn"), h.general)
                .awaitReply(WAIT);
        assertThat(reply.content()).contains("There is no cohort called \"Autumn\"");
        assertThat(reply.attachments()).isEmpty();
    }
}
