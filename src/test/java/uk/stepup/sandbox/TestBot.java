package uk.stepup.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.channel.ChannelCreateEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.modals.Modal;

/** A tiny bot exercising what the real one will use: replies, buttons, modals, defers, attachments. */
final class TestBot extends ListenerAdapter {
    final List<String> modalTexts = new CopyOnWriteArrayList<>();
    final List<String> createdChannels = new CopyOnWriteArrayList<>();
    final List<String> receivedMessages = new CopyOnWriteArrayList<>();
    final List<String> slashCommands = new CopyOnWriteArrayList<>();
    /** Replies Discord refused (e.g. {@code 10062} for an acknowledgement after the deadline). */
    final List<Throwable> replyFailures = new CopyOnWriteArrayList<>();

    static List<CommandData> commands() {
        return List.of(
                Commands.slash("ping", "Replies pong, only to you"),
                Commands.slash("checkin", "Posts a prompt with a Check in button"),
                Commands.slash("silent", "Never answers"),
                Commands.slash("deferred", "Thinks, then answers"),
                Commands.slash("upload", "Reads an uploaded file")
                        .addOption(OptionType.ATTACHMENT, "file", "The file", true),
                Commands.slash("cohort", "Cohort tools")
                        .addSubcommands(
                                new SubcommandData("create", "Create a cohort")
                                        .addOption(OptionType.STRING, "name", "Cohort name", true)
                                        .addOption(OptionType.STRING, "start", "Start date", false),
                                new SubcommandData("enrol", "Enrol a manager")
                                        .addOption(OptionType.USER, "manager", "The manager", true)
                                        .addOption(OptionType.INTEGER, "home", "Home number", true)));
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent e) {
        slashCommands.add(e.getFullCommandName());
        switch (e.getName()) {
            case "ping" -> e.reply("pong").setEphemeral(true).queue(null, replyFailures::add);
            case "checkin" ->
                e.reply("Week 1 · S1 Safeguarding")
                        .addComponents(ActionRow.of(Button.primary("checkin:1", "Check in")))
                        .queue();
            case "silent" -> {}
            case "deferred" ->
                e.deferReply(true)
                        .queue(hook -> hook.editOriginal("done after thinking").queue());
            case "upload" -> {
                Message.Attachment a = e.getOption("file").getAsAttachment();
                try (InputStream in = a.getProxy().download().get()) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    e.reply("got " + a.getFileName() + ": " + text)
                            .setEphemeral(true)
                            .queue();
                } catch (IOException | InterruptedException | ExecutionException ex) {
                    e.reply("could not read " + ex).setEphemeral(true).queue();
                }
            }
            case "cohort" -> {
                if ("create".equals(e.getSubcommandName())) {
                    e.reply("Created " + e.getOption("name").getAsString())
                            .setEphemeral(true)
                            .queue();
                } else {
                    e.reply("Enrolled " + e.getOption("manager").getAsUser().getName() + " to home "
                                    + e.getOption("home").getAsLong())
                            .setEphemeral(true)
                            .queue();
                }
            }
            default -> e.reply("unknown").setEphemeral(true).queue();
        }
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent e) {
        if (e.getComponentId().startsWith("checkin:")) {
            Modal modal = Modal.create("checkin-modal:1", "Week 1 · S1 Safeguarding")
                    .addComponents(
                            Label.of(
                                    "Self-rating",
                                    StringSelectMenu.create("rating")
                                            .addOption("Good", "good")
                                            .addOption("Outstanding", "outstanding")
                                            .build()),
                            Label.of(
                                    "What we did this week",
                                    TextInput.create("did", TextInputStyle.PARAGRAPH)
                                            .setMaxLength(1000)
                                            .build()),
                            Label.of(
                                    "Next step",
                                    TextInput.create("next", TextInputStyle.SHORT)
                                            .setRequired(false)
                                            .setMaxLength(300)
                                            .setValue("ask the coach")
                                            .build()))
                    .build();
            e.replyModal(modal).queue();
        } else {
            e.deferEdit().queue();
        }
    }

    @Override
    public void onStringSelectInteraction(StringSelectInteractionEvent e) {
        e.reply("chose " + e.getValues()).setEphemeral(true).queue();
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent e) {
        String did = e.getValue("did").getAsString();
        String next = e.getValue("next").getAsString();
        List<String> rating = e.getValue("rating").getAsStringList();
        modalTexts.add(did);
        e.reply("Saved: " + rating + " / " + did + " / " + next)
                .setEphemeral(true)
                .queue(null, replyFailures::add);
    }

    @Override
    public void onChannelCreate(ChannelCreateEvent e) {
        createdChannels.add(e.getChannel().getName());
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent e) {
        receivedMessages.add(e.getAuthor().getName() + ": " + e.getMessage().getContentRaw());
    }
}
