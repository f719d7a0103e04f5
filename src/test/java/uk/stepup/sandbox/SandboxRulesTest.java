package uk.stepup.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Discord's rules on what the bot sends, checked with plain HTTP: JDA already refuses most of these client-side, but
 * the sandbox must refuse them too (400/403 with Discord's JSON) and record a violation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxRulesTest {
    private Sandbox sb;
    private RawDiscord raw;
    private SandboxGuild g;
    private SandboxChannel general;
    private SandboxUser alice;

    @BeforeAll
    void start() {
        // A long deadline: interactions left unanswered here must not fail during later tests of this class.
        sb = Sandbox.start(
                SandboxOptions.defaults().withoutRateLimits().withInteractionDeadline(Duration.ofMinutes(5)));
        raw = new RawDiscord(sb);
        g = sb.createGuild("Rules");
        general = g.channelByName("general").orElseThrow();
        alice = sb.createUser("alice", "Alice Jones");
        g.addMember(alice);
        raw.send(
                "PUT",
                "applications/" + sb.applicationId() + "/guilds/" + g.id() + "/commands",
                "[{\"name\":\"checkin\",\"description\":\"Check in\",\"type\":1}]");
    }

    @AfterAll
    void stop() {
        sb.close();
    }

    @BeforeEach
    void clean() {
        sb.clearViolations();
    }

    private String messages() {
        return "channels/" + general.id() + "/messages";
    }

    @Test
    @DisplayName("2001 characters of content: 400 Invalid Form Body and a content-length violation")
    void content_too_long() {
        RawDiscord.Reply r = raw.send("POST", messages(), "{\"content\":\"" + "a".repeat(2001) + "\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("code").asInt()).isEqualTo(50035);
        assertThat(r.body()
                        .path("errors")
                        .path("content")
                        .path("_errors")
                        .get(0)
                        .path("code")
                        .asText())
                .isEqualTo("BASE_TYPE_MAX_LENGTH");
        assertThat(sb.violations()).extracting(Violation::rule).containsExactly("content-length");
        assertThat(general.messages()).noneMatch(m -> m.content().length() > 2000);
    }

    @Test
    @DisplayName("Embed limits: long title, too many fields, 6000 characters in total")
    void embed_limits() {
        String fields = "[" + "{\"name\":\"n\",\"value\":\"v\"},".repeat(26).replaceAll(",$", "") + "]";
        RawDiscord.Reply r = raw.send(
                "POST", messages(), "{\"embeds\":[{\"title\":\"" + "t".repeat(257) + "\",\"fields\":" + fields + "}]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(sb.violations()).extracting(Violation::rule).contains("embed-title-length", "embed-field-count");
        sb.clearViolations();
        String big = "{\"description\":\"" + "d".repeat(3000) + "\"}";
        r = raw.send("POST", messages(), "{\"embeds\":[" + big + "," + big + "," + big + "]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(sb.violations()).extracting(Violation::rule).containsExactly("embed-total-length");
    }

    @Test
    @DisplayName("Empty messages, 6 action rows, duplicate custom ids and selects sharing a row are refused")
    void component_rules() {
        assertThat(raw.send("POST", messages(), "{\"content\":\"  \"}")
                        .body()
                        .path("code")
                        .asInt())
                .isEqualTo(50006);
        String button = "{\"type\":2,\"style\":1,\"label\":\"B\",\"custom_id\":\"x\"}";
        String row = "{\"type\":1,\"components\":[" + button + "]}";
        RawDiscord.Reply r = raw.send(
                "POST",
                messages(),
                "{\"content\":\"c\",\"components\":[" + String.join(",", Collections.nCopies(6, row)) + "]}");
        assertThat(r.status()).isEqualTo(400);
        String select = "{\"type\":3,\"custom_id\":\"s\",\"options\":[{\"label\":\"a\",\"value\":\"a\"}]}";
        raw.send(
                "POST",
                messages(),
                "{\"content\":\"c\",\"components\":[{\"type\":1,\"components\":[" + select + ","
                        + button.replace("\"x\"", "\"y\"") + "]}]}");
        assertThat(sb.violations())
                .extracting(Violation::rule)
                .contains("empty-message", "action-row-count", "custom-id-duplicate", "select-not-alone");
    }

    @Test
    @DisplayName("A modal with 6 components is refused and the interaction stays unacknowledged")
    void modal_with_six_components() {
        InteractionHandle h = sb.as(alice, g).slash("checkin", general);
        String input = "{\"type\":18,\"label\":\"L\",\"component\":{\"type\":4,\"custom_id\":\"c%d\",\"style\":1}}";
        StringBuilder comps = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            comps.append(i == 0 ? "" : ",").append(String.format(input, i));
        }
        RawDiscord.Reply r = raw.send(
                "POST",
                "interactions/" + h.id() + "/" + h.token() + "/callback",
                "{\"type\":9,\"data\":{\"custom_id\":\"m\",\"title\":\"Check in\",\"components\":[" + comps + "]}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(sb.violations()).extracting(Violation::rule).containsExactly("modal-component-count");
        assertThat(h.isAcknowledged()).isFalse();
    }

    @Test
    @DisplayName("Modal inputs must sit in LABEL wrappers; values must fit max_length")
    void modal_shape() {
        InteractionHandle h = sb.as(alice, g).slash("checkin", general);
        RawDiscord.Reply r = raw.send(
                "POST",
                "interactions/" + h.id() + "/" + h.token() + "/callback",
                "{\"type\":9,\"data\":{\"custom_id\":\"m\",\"title\":\"Check in\",\"components\":["
                        + "{\"type\":1,\"components\":[{\"type\":4,\"custom_id\":\"a\",\"style\":1,\"label\":\"A\"}]},"
                        + "{\"type\":18,\"label\":\"B\",\"component\":{\"type\":4,\"custom_id\":\"b\",\"style\":1,\"max_length\":3,\"value\":\"long\"}}]}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(sb.violations())
                .extracting(Violation::rule)
                .containsExactly("modal-label-required", "text-input-value-length");
    }

    @Test
    @DisplayName("A callback is accepted once; a second one is 40060; a late one is 10062")
    void callback_once_and_in_time() {
        InteractionHandle h = sb.as(alice, g).slash("checkin", general);
        String url = "interactions/" + h.id() + "/" + h.token() + "/callback?with_response=true";
        RawDiscord.Reply first = raw.send("POST", url, "{\"type\":4,\"data\":{\"content\":\"hi\"}}");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("resource").path("message").path("content").asText())
                .isEqualTo("hi");
        RawDiscord.Reply second = raw.send("POST", url, "{\"type\":4,\"data\":{\"content\":\"again\"}}");
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.body().path("code").asInt()).isEqualTo(40060);
        assertThat(h.failed()).isFalse();
        assertThat(sb.violations()).extracting(Violation::rule).containsExactly("interaction-double-ack");
    }

    /** A clock a test moves by hand. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2027-03-01T09:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    @DisplayName(
            "Edits and follow-ups work for 15 minutes by the sandbox's clock, then 401 50027 Invalid Webhook Token")
    void interactionTokenExpiresOnTheSandboxClock() {
        MovableClock clock = new MovableClock();
        try (Sandbox s = Sandbox.start(SandboxOptions.defaults()
                .withoutRateLimits()
                .withClock(clock)
                .withInteractionDeadline(Duration.ofMinutes(5)))) {
            RawDiscord r = new RawDiscord(s);
            SandboxGuild guild = s.createGuild("Tokens");
            SandboxUser bea = s.createUser("bea", "Bea");
            guild.addMember(bea);
            r.send(
                    "PUT",
                    "applications/" + s.applicationId() + "/guilds/" + guild.id() + "/commands",
                    "[{\"name\":\"checkin\",\"description\":\"Check in\",\"type\":1}]");
            InteractionHandle h = s.as(bea, guild)
                    .slash("checkin", guild.channelByName("general").orElseThrow());
            assertThat(r.send("POST", "interactions/" + h.id() + "/" + h.token() + "/callback", "{\"type\":5}")
                            .status())
                    .isEqualTo(204);
            String original = "webhooks/" + s.applicationId() + "/" + h.token() + "/messages/@original";
            clock.advance(Duration.ofMinutes(15));
            assertThat(r.send("PATCH", original, "{\"content\":\"in time\"}").status())
                    .isEqualTo(200);
            clock.advance(Duration.ofSeconds(1));
            RawDiscord.Reply late = r.send("PATCH", original, "{\"content\":\"too late\"}");
            assertThat(late.status()).isEqualTo(401);
            assertThat(late.body().path("code").asInt()).isEqualTo(50027);
            RawDiscord.Reply followUp =
                    r.send("POST", "webhooks/" + s.applicationId() + "/" + h.token(), "{\"content\":\"x\"}");
            assertThat(followUp.status()).isEqualTo(401);
            assertThat(s.violations())
                    .extracting(Violation::rule)
                    .containsExactly("interaction-token-expired", "interaction-token-expired");
        }
    }

    @Test
    @DisplayName("Without MANAGE_CHANNELS the bot gets 403 Missing Permissions creating a channel")
    void missing_permissions() {
        SandboxGuild locked = sb.createGuild("Locked");
        locked.setRolePermissions(locked.botRole(), Permissions.BOT_DEFAULT & ~Permissions.MANAGE_CHANNELS);
        RawDiscord.Reply r =
                raw.send("POST", "guilds/" + locked.id() + "/channels", "{\"name\":\"this-week\",\"type\":0}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body().path("code").asInt()).isEqualTo(50013);
        assertThat(sb.violations()).extracting(Violation::rule).containsExactly("missing-permissions");
        assertThat(locked.channelByName("this-week")).isEmpty();
    }

    @Test
    @DisplayName("The bot cannot grant in an overwrite what it lacks, nor see a channel that hides it")
    void overwrite_rules() {
        RawDiscord.Reply r = raw.send(
                "POST",
                "guilds/" + g.id() + "/channels",
                "{\"name\":\"secret\",\"type\":0," + "\"permission_overwrites\":[{\"id\":\"" + alice.id()
                        + "\",\"type\":1,\"allow\":" + Permissions.MANAGE_MESSAGES + ",\"deny\":0}]}");
        assertThat(r.status()).isEqualTo(403);
        r = raw.send(
                "POST",
                "guilds/" + g.id() + "/channels",
                "{\"name\":\"hidden\",\"type\":0," + "\"permission_overwrites\":[{\"id\":\"" + g.id()
                        + "\",\"type\":0,\"allow\":0,\"deny\":" + Permissions.VIEW_CHANNEL + "}]}");
        assertThat(r.status()).isEqualTo(201);
        String hidden = r.body().path("id").asText();
        RawDiscord.Reply send = raw.send("POST", "channels/" + hidden + "/messages", "{\"content\":\"hi\"}");
        assertThat(send.status()).isEqualTo(403);
        assertThat(send.body().path("code").asInt()).isEqualTo(50001);
    }

    @Test
    @DisplayName(
            "An overwrite may grant what the bot holds in the server or the parent category, or anything with an explicit Manage Roles overwrite")
    void overwriteGrantFollowsDiscordsRule() {
        SandboxChannel category = g.createCategory("Cohort");
        String grant = "\"permission_overwrites\":[{\"id\":\"" + alice.id() + "\",\"type\":1,\"allow\":"
                + Permissions.MANAGE_MESSAGES + ",\"deny\":0}]";
        String create = "{\"name\":\"inside\",\"type\":0,\"parent_id\":\"" + category.id() + "\"," + grant + "}";
        assertThat(raw.send("POST", "guilds/" + g.id() + "/channels", create).status())
                .as("not held anywhere")
                .isEqualTo(403);
        // An admin gives the bot Manage Messages in the category: the category's children may now grant it.
        g.putOverwrite(
                category,
                new PermissionOverwrite(
                        sb.botUser().id(),
                        PermissionOverwrite.MEMBER,
                        Permissions.VIEW_CHANNEL | Permissions.MANAGE_MESSAGES,
                        0));
        RawDiscord.Reply inside = raw.send("POST", "guilds/" + g.id() + "/channels", create);
        assertThat(inside.status()).as("held in the parent category").isEqualTo(201);
        String plain = raw.send("POST", "guilds/" + g.id() + "/channels", "{\"name\":\"plain\",\"type\":0}")
                .body()
                .path("id")
                .asText();
        String put = "{\"type\":1,\"allow\":" + Permissions.MANAGE_MESSAGES + ",\"deny\":0}";
        assertThat(raw.send("PUT", "channels/" + plain + "/permissions/" + alice.id(), put)
                        .status())
                .isEqualTo(403);
        // An explicit Manage Roles overwrite for the bot in the channel lifts the rule for that channel.
        g.putOverwrite(
                sb.channel(plain).orElseThrow(),
                new PermissionOverwrite(sb.botUser().id(), PermissionOverwrite.MEMBER, Permissions.MANAGE_ROLES, 0));
        assertThat(raw.send("PUT", "channels/" + plain + "/permissions/" + alice.id(), put)
                        .status())
                .isEqualTo(204);
        assertThat(sb.violations())
                .extracting(Violation::rule)
                .containsExactly("missing-permissions", "missing-permissions");
    }

    @Test
    @DisplayName("Text channel names are stored the way Discord stores them, and the rename is flagged")
    void channel_name_normalised() {
        RawDiscord.Reply r = raw.send("POST", "guilds/" + g.id() + "/channels", "{\"name\":\"This Week\",\"type\":0}");
        assertThat(r.body().path("name").asText()).isEqualTo("this-week");
        assertThat(sb.violations()).extracting(Violation::rule).containsExactly("channel-name-normalised");
    }

    @Test
    @DisplayName("Mentions: default allowed_mentions pings, parse [] pings nobody, roles need to be mentionable")
    void mention_semantics() {
        // A new server lets everyone mention @everyone; this server's admin has turned that off, as many do.
        g.setRolePermissions(g.everyoneRole(), Permissions.EVERYONE_DEFAULT & ~Permissions.MENTION_EVERYONE);
        SandboxRole quiet = g.createRole("Managers", 0);
        SandboxRole loud = g.createRole("Coaches", 0, true);
        String content = alice.mention() + " " + quiet.mention() + " " + loud.mention() + " @everyone";
        RawDiscord.Reply r = raw.send("POST", messages(), "{\"content\":\"" + content + "\"}");
        SandboxMessage m = sb.message(r.body().path("id").asText()).orElseThrow();
        assertThat(m.pingedUserIds()).containsExactly(alice.id());
        assertThat(m.pingedRoleIds()).containsExactly(loud.id());
        assertThat(m.pingedEveryone()).isFalse();
        r = raw.send("POST", messages(), "{\"content\":\"" + content + "\",\"allowed_mentions\":{\"parse\":[]}}");
        assertThat(sb.message(r.body().path("id").asText()).orElseThrow().pingedNobody())
                .isTrue();
    }

    @Test
    @DisplayName("Unknown routes answer 404 and are recorded; a wrong token answers 401")
    void unknown_route_and_token() {
        assertThat(raw.send("GET", "guilds/" + g.id() + "/widget.json", null).status())
                .isEqualTo(404);
        assertThat(sb.violations()).extracting(Violation::rule).containsExactly("unknown-route");
        okhttp3.Request bad = new okhttp3.Request.Builder()
                .url(sb.restBaseUrl() + "users/@me")
                .header("Authorization", "Bot wrong")
                .build();
        try (okhttp3.Response resp = new okhttp3.OkHttpClient().newCall(bad).execute()) {
            assertThat(resp.code()).isEqualTo(401);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @DisplayName("Every response carries rate limit headers and Via")
    void headers() {
        RawDiscord.Reply r = raw.send("GET", "users/@me", null);
        assertThat(r.headers().get("X-RateLimit-Bucket")).isNotBlank();
        assertThat(r.headers().get("X-RateLimit-Reset-After")).isNotBlank();
        assertThat(r.headers().get("Via")).isEqualTo("1.1 google");
    }

    @Test
    @DisplayName("Per-route limit: the sixth message in 5 s is a 429 with integer Retry-After and Via")
    void route_limit() {
        try (Sandbox limited = Sandbox.start()) {
            SandboxGuild lg = limited.createGuild("Limited");
            String path =
                    "channels/" + lg.channelByName("general").orElseThrow().id() + "/messages";
            RawDiscord client = new RawDiscord(limited);
            for (int i = 0; i < 5; i++) {
                assertThat(client.send("POST", path, "{\"content\":\"m" + i + "\"}")
                                .status())
                        .isEqualTo(200);
            }
            RawDiscord.Reply r = client.send("POST", path, "{\"content\":\"m5\"}");
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.headers().get("Retry-After")).matches("\\d+");
            assertThat(r.headers().get("Via")).isNotNull();
            assertThat(r.body().path("global").asBoolean()).isFalse();
            assertThat(limited.stats().rateLimited()).isEqualTo(1);
            assertThat(limited.stats().rateLimitLowerBound()).isEqualTo(Duration.ZERO);
        }
    }

    @Test
    @DisplayName(
            "Suspended limits: nothing is limited, the bucket looks huge, nothing counts; restored, limits apply again")
    void suspendedRateLimits() {
        try (Sandbox limited = Sandbox.start()) {
            SandboxGuild lg = limited.createGuild("Limited");
            String path =
                    "channels/" + lg.channelByName("general").orElseThrow().id() + "/messages";
            RawDiscord client = new RawDiscord(limited);
            limited.suspendRateLimits(true);
            for (int i = 0; i < 12; i++) {
                RawDiscord.Reply r = client.send("POST", path, "{\"content\":\"m" + i + "\"}");
                assertThat(r.status()).isEqualTo(200);
                assertThat(Integer.parseInt(r.headers().get("X-RateLimit-Remaining")))
                        .isGreaterThan(1000);
            }
            assertThat(limited.stats().rateLimited()).isZero();
            assertThat(limited.stats().rateLimitLowerBound()).isEqualTo(Duration.ZERO);
            limited.suspendRateLimits(false);
            limited.resetStats();
            for (int i = 0; i < 5; i++) {
                assertThat(client.send("POST", path, "{\"content\":\"n" + i + "\"}")
                                .status())
                        .isEqualTo(200);
            }
            assertThat(client.send("POST", path, "{\"content\":\"n5\"}").status())
                    .isEqualTo(429);
        }
    }

    @Test
    @DisplayName("The global lower bound counts accepted requests only: 50 accepted and 10 refused take no full second")
    void global_lower_bound_counts_accepted_requests() {
        try (Sandbox limited =
                Sandbox.start(SandboxOptions.defaults().withDefaultRouteLimit(1000, Duration.ofSeconds(10)))) {
            RawDiscord client = new RawDiscord(limited);
            int accepted = 0;
            int refused = 0;
            long start = System.nanoTime();
            for (int i = 0; i < 60; i++) {
                int status = client.send("GET", "users/@me", null).status();
                accepted += status == 200 ? 1 : 0;
                refused += status == 429 ? 1 : 0;
            }
            if (System.nanoTime() - start < 900_000_000L) { // all in one global window (a slow machine may take longer)
                assertThat(accepted).isEqualTo(50);
                assertThat(refused).isEqualTo(10);
                assertThat(limited.stats().globalRateLimited()).isEqualTo(10);
                assertThat(limited.stats().rateLimitLowerBound()).isEqualTo(Duration.ZERO);
            }
        }
    }

    @Test
    @DisplayName("Client-side refusals: a disabled button, an unknown one, a channel the person cannot see")
    void actor_refusals() {
        RawDiscord.Reply r = raw.send(
                "POST",
                messages(),
                "{\"content\":\"x\",\"components\":[{\"type\":1,\"components\":["
                        + "{\"type\":2,\"style\":1,\"label\":\"Done\",\"custom_id\":\"d\",\"disabled\":true}]}]}");
        SandboxMessage m = sb.message(r.body().path("id").asText()).orElseThrow();
        Assertions.assertThatThrownBy(() -> sb.as(alice, g).clickLabel(m, "Done"))
                .hasMessageContaining("disabled");
        Assertions.assertThatThrownBy(() -> sb.as(alice, g).click(m, "nope")).hasMessageContaining("no button");
        Assertions.assertThatThrownBy(() -> sb.as(alice, g).slash("checkin", Map.of("x", "y"), general))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("An injected global limit answers 429 global to REST but not to interaction callbacks")
    void global_limit() {
        InteractionHandle h = sb.as(alice, g).slash("checkin", general);
        sb.faults().globalRateLimit(Duration.ofMillis(500));
        try {
            RawDiscord.Reply r = raw.send("GET", "users/@me", null);
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.headers().get("X-RateLimit-Global")).isEqualTo("true");
            assertThat(r.headers().get("X-RateLimit-Scope")).isEqualTo("global");
            assertThat(r.body().path("global").asBoolean()).isTrue();
            RawDiscord.Reply cb = raw.send(
                    "POST",
                    "interactions/" + h.id() + "/" + h.token() + "/callback",
                    "{\"type\":4,\"data\":{\"content\":\"still fine\"}}");
            assertThat(cb.status()).isEqualTo(204);
            assertThat(sb.stats().globalRateLimited()).isGreaterThanOrEqualTo(1);
        } finally {
            sb.faults().clear();
        }
    }
}
