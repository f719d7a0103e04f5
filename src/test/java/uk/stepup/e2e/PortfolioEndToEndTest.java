package uk.stepup.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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
import uk.stepup.sandbox.SandboxUser;

/**
 * {@code /portfolio} over the sandbox with the real JDA client and a real SQLite file: a manager gets their own home's
 * portfolio as a file in a reply only they see; another home's manager is refused it; a coach gets any home of the
 * cohort. Steps run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortfolioEndToEndTest {
    static final Duration WAIT = Duration.ofSeconds(30);
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
        checkIn(h.alice, prompt, "Oakwords: walked the floor at night", "Oakwords: huddle notes");
        checkIn(h.bob, prompt, "Elmwords: tea with families", "Elmwords: visitors book");
    }

    private void checkIn(SandboxUser who, SandboxMessage prompt, String did, String evidence) {
        InteractionHandle open =
                h.sandbox.as(who, h.guild).clickLabel(prompt, "Check in").awaitResponse(WAIT);
        h.sandbox
                .as(who, h.guild)
                .submitModal(open.modal(), Map.of("rating", List.of("good"), "did", did, "evidence", evidence))
                .awaitReply(WAIT);
    }

    private SandboxChannel channel(String name) {
        return h.guild.channelByName("SUO · Spring 2027", name).orElseThrow(() -> new AssertionError("no #" + name));
    }

    private static String html(SandboxMessage reply, String file) {
        return new String(reply.attachment(file).orElseThrow().bytes(), StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void a_manager_gets_their_own_home_s_portfolio_in_a_reply_only_they_see() {
        InteractionHandle done =
                h.sandbox.as(h.alice, h.guild).slash("portfolio", h.general).awaitResponse(WAIT);
        assertThat(done.isEphemeral()).isTrue();
        SandboxMessage reply = done.awaitReply(WAIT);
        assertThat(reply.content())
                .contains("Evidence portfolio of **Oak House**")
                .contains("keep it within");
        assertThat(reply.pingedNobody()).isTrue();
        assertThat(reply.attachments())
                .extracting(SandboxAttachment::filename)
                .containsExactly("portfolio-oak-house.html");
        assertThat(html(reply, "portfolio-oak-house.html"))
                .startsWith("<!DOCTYPE html>")
                .contains("Oakwords: walked the floor at night", "Oakwords: huddle notes")
                .doesNotContain("Elmwords", "Elm Court");
    }

    @Test
    @Order(2)
    void another_home_s_manager_is_refused_and_gets_no_file() {
        InteractionHandle refused = h.sandbox
                .as(h.bob, h.guild)
                .slash("portfolio", Map.of("home", "Oak House"), h.general)
                .awaitResponse(WAIT);
        assertThat(refused.isEphemeral()).isTrue();
        SandboxMessage reply = refused.awaitReply(WAIT);
        assertThat(reply.content()).contains("only your own home").contains("Elm Court");
        assertThat(reply.attachments()).isEmpty();
        SandboxMessage outsider = h.sandbox
                .as(h.outsider, h.guild)
                .slash("portfolio", Map.of("home", "Oak House"), h.general)
                .awaitReply(WAIT);
        assertThat(outsider.attachments()).isEmpty();
    }

    @Test
    @Order(3)
    void a_coach_gets_any_home_of_their_cohort() {
        InteractionHandle done = h.sandbox
                .as(h.coach, h.guild)
                .slash("portfolio", Map.of("home", "elm court"), h.general)
                .awaitResponse(WAIT);
        assertThat(done.isEphemeral()).isTrue();
        SandboxMessage reply = done.awaitReply(WAIT);
        assertThat(html(reply, "portfolio-elm-court.html"))
                .contains("Elmwords: tea with families")
                .doesNotContain("Oakwords");
        SandboxMessage unnamed =
                h.sandbox.as(h.coach, h.guild).slash("portfolio", h.general).awaitReply(WAIT);
        assertThat(unnamed.content()).contains("Name the home").contains("Elm Court, Oak House");
        assertThat(unnamed.attachments()).isEmpty();
    }

    @Test
    @Order(4)
    void a_portfolio_can_be_read_under_the_other_framework() {
        SandboxMessage reply = h.sandbox
                .as(h.alice, h.guild)
                .slash("portfolio", Map.of("framework", "saf-2023"), h.general)
                .awaitResponse(WAIT)
                .awaitReply(WAIT);
        assertThat(html(reply, "portfolio-oak-house.html")).contains("QS-S1").contains("Oakwords");
    }
}
