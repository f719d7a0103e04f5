package uk.stepup.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.UserSnowflake;
import net.dv8tion.jda.api.entities.channel.concrete.Category;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.utils.FileUpload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real JDA 6.5 client against one sandbox: connection, commands, interactions, channels, messages. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxJdaTest {
    @RegisterExtension
    final JdaErrorLog jdaErrors = new JdaErrorLog();

    private Sandbox sb;
    private JDA jda;
    private TestBot bot;
    private SandboxGuild g;
    private SandboxUser alice;
    private SandboxUser bob;
    private SandboxRole coach;
    private SandboxChannel general;
    private Guild guild;

    @BeforeAll
    void start() throws InterruptedException {
        sb = Sandbox.start();
        g = sb.createGuild("Care Homes North");
        alice = sb.createUser("alice", "Alice Jones");
        bob = sb.createUser("bob", "Bob Smith");
        coach = g.createRole("Coach", Permissions.MANAGE_GUILD);
        g.addMember(alice, coach);
        g.addMember(bob);
        general = g.channelByName("general").orElseThrow();
        bot = new TestBot();
        jda = JdaHarness.connect(sb, JdaHarness.INTENTS, bot);
        guild = jda.getGuildById(g.id());
        guild.updateCommands().addCommands(TestBot.commands()).complete();
    }

    @AfterAll
    void stop() throws InterruptedException {
        JdaHarness.shutdown(jda);
        sb.close();
    }

    @BeforeEach
    void clean() {
        sb.faults().clear();
        sb.clearViolations();
    }

    @Test
    @DisplayName("JDA connects: READY, the guild with its channels, roles and the bot's own member")
    void connects() {
        assertThat(jda.getStatus()).isEqualTo(JDA.Status.CONNECTED);
        assertThat(guild).isNotNull();
        assertThat(guild.getName()).isEqualTo("Care Homes North");
        assertThat(guild.getTextChannelById(general.id())).isNotNull();
        assertThat(guild.getRoleById(coach.id())).isNotNull();
        assertThat(guild.getSelfMember().getRoles())
                .extracting(r -> r.getName())
                .containsExactly("Step up bot");
        assertThat(jda.getSelfUser().getApplicationId()).isEqualTo(sb.applicationId());
        assertThat(sb.stats().identifies()).isGreaterThanOrEqualTo(1);
    }

    @Test
    @DisplayName("Registered commands are kept, with ids, and can be looked up by name")
    void commands_registered() {
        assertThat(g.commands()).extracting(SandboxCommand::name).contains("ping", "checkin", "cohort");
        assertThat(sb.command(g, "cohort").orElseThrow().subcommands()).containsExactly("create", "enrol");
        assertThat(guild.retrieveCommands().complete())
                .extracting(c -> c.getName())
                .contains("ping");
        assertThat(sb.violations()).isEmpty();
    }

    @Test
    @DisplayName("A slash command answered ephemerally is seen only by the person who ran it")
    void ephemeral_slash() {
        InteractionHandle h = sb.as(alice, g).slash("ping", general).awaitResponse();
        assertThat(h.failed()).isFalse();
        assertThat(h.isEphemeral()).isTrue();
        assertThat(h.reply().content()).isEqualTo("pong");
        assertThat(sb.as(alice, g).read(general))
                .extracting(SandboxMessage::content)
                .contains("pong");
        assertThat(sb.as(bob, g).read(general))
                .extracting(SandboxMessage::content)
                .doesNotContain("pong");
        assertThat(sb.violations()).isEmpty();
    }

    @Test
    @DisplayName("Subcommands with user and integer options reach JDA typed and resolved")
    void subcommand_options() {
        InteractionHandle h = sb.as(alice, g)
                .slash("cohort enrol", Map.of("manager", bob, "home", 2L), general)
                .awaitResponse();
        assertThat(h.reply().content()).isEqualTo("Enrolled bob to home 2");
        assertThat(bot.slashCommands).contains("cohort enrol");
    }

    @Test
    @DisplayName("The client refuses unknown commands, missing required options and wrong option types")
    void client_side_refusals() {
        SandboxActor a = sb.as(alice, g);
        assertThatThrownBy(() -> a.slash("nope", general)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.slash("cohort create", Map.of(), general))
                .hasMessageContaining("required option 'name'");
        assertThatThrownBy(() -> a.slash("cohort enrol", Map.of("manager", "bob", "home", 1L), general))
                .hasMessageContaining("expects a user");
        assertThatThrownBy(() -> a.slash("cohort", Map.of(), general)).hasMessageContaining("needs a subcommand");
        assertThatThrownBy(() -> a.slash("cohort create", Map.of("name", "x", "colour", "red"), general))
                .hasMessageContaining("no option 'colour'");
    }

    @Test
    @DisplayName("A button opens a modal; the submitted LABEL-wrapped values are read back by JDA")
    void button_modal_submit() {
        SandboxMessage prompt =
                sb.as(alice, g).slash("checkin", general).awaitResponse().reply();
        assertThat(prompt.buttons()).extracting(SandboxComponent::label).containsExactly("Check in");
        InteractionHandle click = sb.as(alice, g).clickLabel(prompt, "Check in").awaitResponse();
        SandboxModal modal = click.modal();
        assertThat(modal.title()).isEqualTo("Week 1 · S1 Safeguarding");
        assertThat(modal.fields()).extracting(SandboxModal.Field::customId).containsExactly("rating", "did", "next");
        assertThat(modal.field("next").orElseThrow().value()).isEqualTo("ask the coach");

        assertThatThrownBy(() -> sb.as(alice, g).submitModal(modal, Map.of("rating", "good")))
                .hasMessageContaining("is required");
        assertThatThrownBy(() -> sb.as(alice, g).submitModal(modal, Map.of("rating", "meh", "did", "x")))
                .hasMessageContaining("not an option");

        InteractionHandle submit = sb.as(alice, g)
                .submitModal(modal, Map.of("rating", "good", "did", "Ran a safeguarding huddle"))
                .awaitResponse();
        assertThat(submit.reply().content()).isEqualTo("Saved: [good] / Ran a safeguarding huddle / ask the coach");
        assertThat(submit.isEphemeral()).isTrue();
        assertThat(bot.modalTexts).contains("Ran a safeguarding huddle");
        assertThatThrownBy(() -> sb.as(alice, g).submitModal(modal, Map.of("rating", "good", "did", "again")))
                .hasMessageContaining("already submitted");
        assertThat(sb.violations()).isEmpty();
    }

    @Test
    @DisplayName("A deferred ephemeral reply shows 'thinking' and then the edited original")
    void deferred_reply() {
        InteractionHandle h = sb.as(alice, g).slash("deferred", general);
        SandboxMessage reply = h.awaitReply(Duration.ofSeconds(5));
        assertThat(h.callbackType()).isEqualTo(5);
        assertThat(reply.content()).isEqualTo("done after thinking");
        assertThat(reply.isEphemeral()).isTrue();
        assertThat(reply.isLoading()).isFalse();
    }

    @Test
    @DisplayName("A file a person uploads as a slash option is downloadable by the bot from the sandbox")
    void attachment_option() {
        SandboxAttachment csv =
                SandboxAttachment.of("homes.csv", "name\nRose House\n".getBytes(StandardCharsets.UTF_8));
        InteractionHandle h =
                sb.as(alice, g).slash("upload", Map.of("file", csv), general).awaitResponse();
        assertThat(h.reply().content()).isEqualTo("got homes.csv: name\nRose House");
    }

    @Test
    @DisplayName("Category and channel with overwrites: created, visible to the right people, in JDA's cache")
    void channels_with_overwrites() {
        Category cat = guild.createCategory("SUO · Spring 2027").complete();
        TextChannel home = guild.createTextChannel("home-rose-house", cat)
                .addRolePermissionOverride(guild.getPublicRole().getIdLong(), 0, Permission.VIEW_CHANNEL.getRawValue())
                .addMemberPermissionOverride(
                        bob.id() == null ? 0 : Long.parseLong(bob.id()),
                        EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND),
                        EnumSet.noneOf(Permission.class))
                .addMemberPermissionOverride(
                        guild.getSelfMember().getIdLong(),
                        EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND),
                        EnumSet.noneOf(Permission.class))
                .complete();
        SandboxChannel sHome = sb.channel(home.getId()).orElseThrow();
        assertThat(sHome.parent()).map(SandboxChannel::name).contains("SUO · Spring 2027");
        assertThat(sHome.canView(bob)).isTrue();
        assertThat(sHome.canView(alice)).isFalse();
        assertThat(sHome.canView(g.owner())).isTrue();
        assertThat(g.channelByName("SUO · Spring 2027", "home-rose-house")).isPresent();
        sb.await(Duration.ofSeconds(2), () -> bot.createdChannels.contains("home-rose-house"));
        assertThat(jda.getTextChannelById(home.getId()).getParentCategory()).isNotNull();
        assertThat(sb.violations()).isEmpty();
    }

    @Test
    @DisplayName("A thread started on a message has the message's id and shows up under its parent")
    void thread_on_message() {
        TextChannel ch = guild.getTextChannelById(general.id());
        Message m = ch.sendMessage("Week 2 prompt").complete();
        ThreadChannel t = m.createThreadChannel("Week 2 discussion").complete();
        assertThat(t.getId()).isEqualTo(m.getId());
        SandboxChannel thread = g.threadByName("Week 2 discussion").orElseThrow();
        assertThat(thread.parent()).map(SandboxChannel::id).contains(general.id());
        assertThat(sb.message(m.getId()).orElseThrow().threadId()).contains(t.getId());
        t.sendMessage("first!").complete();
        assertThat(thread.messages()).extracting(SandboxMessage::content).containsExactly("first!");
        assertThat(sb.violations()).isEmpty();
    }

    @Test
    @DisplayName("A multipart message with a file: stored, and its bytes are retrievable by URL")
    void multipart_file() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        Message m = guild.getTextChannelById(general.id())
                .sendMessage("chart")
                .addFiles(FileUpload.fromData(png, "chart.png"))
                .complete();
        SandboxMessage stored = sb.message(m.getId()).orElseThrow();
        SandboxAttachment a = stored.attachment("chart.png").orElseThrow();
        assertThat(a.bytes()).isEqualTo(png);
        assertThat(a.contentType()).isEqualTo("image/png");
        assertThat(new RawDiscord(sb).download(m.getAttachments().get(0).getUrl()))
                .isEqualTo(png);
    }

    @Test
    @DisplayName("A scheduled external event is created with its location")
    void scheduled_event() {
        OffsetDateTime start = OffsetDateTime.now().plusDays(3);
        var e = guild.createScheduledEvent("Coaching session", "https://zoom.example/j/1", start, start.plusHours(1))
                .complete();
        SandboxScheduledEvent s = g.scheduledEvents().stream()
                .filter(x -> x.id().equals(e.getId()))
                .findFirst()
                .orElseThrow();
        assertThat(s.location()).contains("https://zoom.example/j/1");
        assertThat(s.entityType()).isEqualTo(3);
        assertThat(sb.violations()).isEmpty();
    }

    @Test
    @DisplayName(
            "Default mentions none: a message with <@id> pings nobody; an explicitly allowed user is the only ping")
    void allowedMentions() {
        TextChannel ch = guild.getTextChannelById(general.id());
        Message quiet = ch.sendMessage("Thanks " + alice.mention() + " and " + bob.mention())
                .complete();
        assertThat(sb.message(quiet.getId()).orElseThrow().pingedNobody()).isTrue();
        Message loud = ch.sendMessage("Reminder " + alice.mention() + " and " + bob.mention())
                .mentionUsers(alice.id())
                .complete();
        SandboxMessage s = sb.message(loud.getId()).orElseThrow();
        assertThat(s.pingedUserIds()).containsExactly(alice.id());
        assertThat(s.pingedEveryone()).isFalse();
    }

    @Test
    @DisplayName("People's messages reach the bot, and the bot's own history reads them back")
    void people_talk() {
        SandboxMessage said = sb.as(bob, g).say(general, "hello bot");
        sb.await(Duration.ofSeconds(2), () -> bot.receivedMessages.contains("bob: hello bot"));
        List<Message> history = guild.getTextChannelById(general.id())
                .getHistory()
                .retrievePast(10)
                .complete();
        assertThat(history).extracting(Message::getId).contains(said.id());
    }

    @Test
    @DisplayName("The bot creates a role below its own and gives it to a member; JDA sees the member update")
    void roles_and_members() {
        Role manager = guild.createRole().setName("Manager").complete();
        guild.addRoleToMember(UserSnowflake.fromId(bob.id()), manager).complete();
        SandboxRole role = g.roleByName("Manager").orElseThrow();
        assertThat(g.member(bob).orElseThrow().hasRole(role)).isTrue();
        assertThat(role.position()).isLessThan(g.botRole().position());
        assertThat(sb.violations()).isEmpty();
    }

    @Test
    @DisplayName("The transcript reads like the channel: names, times, buttons, ephemeral markers, failures, files")
    void transcript(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        SandboxChannel room = g.createTextChannel("transcript-room", null);
        TextChannel ch = jda.getTextChannelById(room.id());
        sb.await(Duration.ofSeconds(2), () -> jda.getTextChannelById(room.id()) != null);
        ch = jda.getTextChannelById(room.id());
        ch.sendMessage("Hello " + alice.mention() + ", the deadline is <t:1800000000:F>")
                .addFiles(FileUpload.fromData(new byte[] {1, 2, 3}, "chart.png"))
                .complete();
        sb.as(alice, g).slash("checkin", room).awaitResponse();
        sb.as(alice, g).slash("ping", room).awaitResponse();
        Path file = TranscriptWriter.write(sb, dir.resolve("transcript.md"));
        String md = Files.readString(file);
        assertThat(md)
                .contains(
                        "### #transcript-room",
                        "**Step up bot** `BOT`",
                        "Hello @Alice Jones",
                        "`[Check in]`",
                        "Only visible to Alice Jones",
                        "used /checkin",
                        "files/");
        assertThat(md).doesNotContain("<@" + alice.id() + ">", "<t:");
        try (var files = Files.list(dir.resolve("files"))) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith("chart.png"));
        }
    }

    @Test
    @DisplayName("DMs: the bot opens one and writes; a person who closed DMs gives 50007")
    void direct_messages() {
        jda.openPrivateChannelById(alice.id())
                .flatMap(c -> c.sendMessage("Your home's channel is ready"))
                .complete();
        SandboxChannel dm = sb.dmChannel(alice).orElseThrow();
        assertThat(dm.messages()).extracting(SandboxMessage::content).containsExactly("Your home's channel is ready");
        SandboxUser carol = sb.createUser("carol", "Carol White").setAcceptsDirectMessages(false);
        g.addMember(carol);
        assertThatThrownBy(() -> jda.openPrivateChannelById(carol.id())
                        .flatMap(c -> c.sendMessage("hi"))
                        .complete())
                .isInstanceOf(ErrorResponseException.class)
                .hasMessageContaining("50007");
    }

    @Test
    @DisplayName("A string select reaches JDA with the chosen values; another button is deferred as an update")
    void select_and_deferred_update() {
        Message m = guild.getTextChannelById(general.id())
                .sendMessage("How did it go?")
                .addComponents(
                        ActionRow.of(StringSelectMenu.create("pick")
                                .addOption("Good", "good")
                                .addOption("Outstanding", "outstanding")
                                .build()),
                        ActionRow.of(Button.secondary("later", "Later")))
                .complete();
        SandboxMessage s = sb.message(m.getId()).orElseThrow();
        assertThat(sb.as(alice, g)
                        .select(s, "pick", List.of("good"))
                        .awaitResponse()
                        .reply()
                        .content())
                .isEqualTo("chose [good]");
        assertThatThrownBy(() -> sb.as(alice, g).select(s, "pick", List.of("good", "outstanding")))
                .hasMessageContaining("takes 1..1 values");
        InteractionHandle later = sb.as(alice, g).click(s, "later").awaitResponse();
        assertThat(later.callbackType()).isEqualTo(6);
        assertThat(later.failed()).isFalse();
        assertThat(sb.violations()).isEmpty();
    }
}
