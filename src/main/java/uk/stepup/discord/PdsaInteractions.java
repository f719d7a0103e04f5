package uk.stepup.discord;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.stepup.checkins.HighlightShare;
import uk.stepup.improvement.PdsaCycle;
import uk.stepup.improvement.PdsaService;
import uk.stepup.shared.Actor;
import uk.stepup.shared.UserText;

/**
 * PDSA cycles on Discord: the new-cycle form ({@code /pdsa new}), then the buttons on a cycle's message in its home's
 * channel: Do and Study open a one-box form, Act offers Adopt, Adapt or Abandon, each with a short form for why (and,
 * for Adapt, what changes next); the share buttons choose how the cohort may see it. What is typed is stored (or
 * refused, and quoted back) before the reply, and the cycle's message is then edited to show where it stands. Forms
 * hold at most five boxes with labels of at most 45 characters (interactions/receiving-and-responding#interaction-
 * response-object-modal; components/reference#label). The rules are in {@link PdsaService}; the words in
 * {@link PdsaMessages}.
 */
public final class PdsaInteractions implements InteractionHandlers.Buttons, InteractionHandlers.Modals {
    private static final Logger LOG = LoggerFactory.getLogger(PdsaInteractions.class);
    /** Discord's limits for a modal's title and a label's description. */
    static final int TITLE_MAX = 45;

    static final int DESCRIPTION_MAX = 100;

    private final PdsaService pdsa;

    public PdsaInteractions(PdsaService pdsa) {
        this.pdsa = pdsa;
    }

    @Override
    public Set<ComponentIds.Action> actions() {
        return Set.of(
                ComponentIds.Action.PDSA_NEW_MODAL,
                ComponentIds.Action.PDSA_STEP,
                ComponentIds.Action.PDSA_SHARE,
                ComponentIds.Action.PDSA_DECIDE,
                ComponentIds.Action.PDSA_MODAL);
    }

    static String stepId(long cycleId, String step) {
        return ComponentIds.encode(ComponentIds.Action.PDSA_STEP, cycleId, step);
    }

    static String shareId(long cycleId, HighlightShare share) {
        return ComponentIds.encode(
                ComponentIds.Action.PDSA_SHARE, cycleId, share.name().toLowerCase(Locale.ROOT));
    }

    /** The new-cycle form: five boxes, the cohort's measures listed under "Which measure". */
    static Modal newModal(PdsaService.StartForm form) {
        String measures = form.measures().isEmpty()
                ? "Your cohort has no measures yet: leave this empty."
                : String.join(
                        " · ",
                        form.measures().stream()
                                .map(m -> m.position() + ". " + m.name())
                                .toList());
        return Modal.create(
                        ComponentIds.encode(ComponentIds.Action.PDSA_NEW_MODAL),
                        UserText.shorten("New PDSA cycle · " + form.home(), TITLE_MAX))
                .addComponents(
                        Label.of(
                                PdsaService.IDEA,
                                "The change you will test, in a few words",
                                TextInput.create("idea", TextInputStyle.SHORT)
                                        .setMaxLength(PdsaCycle.IDEA_MAX)
                                        .setPlaceholder("e.g. Night-time checks")
                                        .build()),
                        Label.of(
                                PdsaService.PLAN,
                                "Who does what, when, and how you will measure it",
                                TextInput.create("plan", TextInputStyle.PARAGRAPH)
                                        .setMaxLength(PdsaCycle.TEXT_MAX)
                                        .build()),
                        Label.of(
                                PdsaService.PREDICTION,
                                "Say it so the data can prove you right or wrong",
                                TextInput.create("prediction", TextInputStyle.PARAGRAPH)
                                        .setMaxLength(PdsaCycle.TEXT_MAX)
                                        .build()),
                        Label.of(
                                PdsaService.MEASURE,
                                UserText.shorten(measures, DESCRIPTION_MAX),
                                TextInput.create("measure", TextInputStyle.SHORT)
                                        .setRequired(false)
                                        .setMaxLength(60)
                                        .setPlaceholder("Optional")
                                        .build()),
                        Label.of(
                                PdsaService.WEEKS,
                                "Empty for " + PdsaService.DEFAULT_WEEKS + " weeks",
                                TextInput.create("weeks", TextInputStyle.SHORT)
                                        .setRequired(false)
                                        .setMaxLength(2)
                                        .setPlaceholder(String.valueOf(PdsaService.DEFAULT_WEEKS))
                                        .build()))
                .build();
    }

    @Override
    public void handle(ButtonInteractionEvent e, ComponentIds.Decoded id, Actor actor) {
        long cycleId = id.longArg(0);
        switch (id.action()) {
            case PDSA_SHARE ->
                share(e, actor, cycleId, HighlightShare.valueOf(id.arg(1).toUpperCase(Locale.ROOT)));
            case PDSA_STEP -> step(e, actor, cycleId, id.arg(1));
            case PDSA_DECIDE -> decide(e, actor, cycleId, id.arg(1), id.arg(2));
            default -> Replies.ephemeral(e, "This button is from an older version of the bot and no longer works.");
        }
    }

    private void share(ButtonInteractionEvent e, Actor actor, long cycleId, HighlightShare share) {
        PdsaService.Result r = pdsa.share(actor, cycleId, share);
        if (r instanceof PdsaService.Done done) {
            // The button is on the cycle's message: the answer is the message itself, showing the new choice.
            e.editMessage(PdsaMessages.edit(done.card())).queue(null, InteractionErrors.onFailure(e, "the cycle"));
        } else {
            Replies.ephemeral(e, Replies.text(((PdsaService.Refused) r).why()));
        }
    }

    private void step(ButtonInteractionEvent e, Actor actor, long cycleId, String step) {
        PdsaService.Step which = PdsaService.Step.valueOf(step.toUpperCase(Locale.ROOT));
        PdsaService.Result r = pdsa.open(actor, cycleId, which);
        if (!(r instanceof PdsaService.Done done)) {
            Replies.ephemeral(e, Replies.text(((PdsaService.Refused) r).why()));
            return;
        }
        PdsaCycle c = done.card().cycle();
        String messageId = e.getMessageId();
        if (which == PdsaService.Step.ACT) {
            e.reply("**" + PdsaMessages.name(c) + "**: what do you decide?\n"
                            + "• **Adopt**: keep the change as it is.\n"
                            + "• **Adapt**: change it and test again (this opens the next cycle).\n"
                            + "• **Abandon**: stop; it did not work or cannot be kept up. That is learning too.")
                    .setEphemeral(true)
                    .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                    .setComponents(ActionRow.of(
                            Button.success(decideId(c, "adopt", messageId), "Adopt"),
                            Button.primary(decideId(c, "adapt", messageId), "Adapt"),
                            Button.danger(decideId(c, "abandon", messageId), "Abandon")))
                    .queue(null, InteractionErrors.onFailure(e, "the Act choices"));
            return;
        }
        boolean isDo = which == PdsaService.Step.DO;
        TextInput.Builder box =
                TextInput.create("text", TextInputStyle.PARAGRAPH).setMaxLength(PdsaCycle.TEXT_MAX);
        (isDo ? c.done() : c.studied()).ifPresent(s -> box.setValue(s.text()));
        String description = isDo ? "What you planned: " + c.plan() : "You predicted: " + c.prediction();
        Modal modal = Modal.create(
                        ComponentIds.encode(ComponentIds.Action.PDSA_MODAL, c.id(), step, messageId),
                        UserText.shorten((isDo ? "Do · " : "Study · ") + PdsaMessages.name(c), TITLE_MAX))
                .addComponents(Label.of(
                        isDo ? PdsaService.DO : PdsaService.STUDY,
                        UserText.shorten(UserText.oneLine(description), DESCRIPTION_MAX),
                        box.build()))
                .build();
        e.replyModal(modal).queue(null, InteractionErrors.onFailure(e, "the " + step + " form"));
    }

    private static String decideId(PdsaCycle c, String decision, String messageId) {
        return ComponentIds.encode(ComponentIds.Action.PDSA_DECIDE, c.id(), decision, messageId);
    }

    private void decide(ButtonInteractionEvent e, Actor actor, long cycleId, String decision, String messageId) {
        PdsaService.Result r = pdsa.open(actor, cycleId, PdsaService.Step.ACT);
        if (!(r instanceof PdsaService.Done done)) {
            Replies.ephemeral(e, Replies.text(((PdsaService.Refused) r).why()));
            return;
        }
        PdsaCycle c = done.card().cycle();
        PdsaCycle.Decision d = PdsaCycle.Decision.valueOf(decision.toUpperCase(Locale.ROOT));
        String verb = switch (d) {
            case ADOPT -> "Adopt";
            case ADAPT -> "Adapt";
            case ABANDON -> "Abandon";
        };
        Modal.Builder modal = Modal.create(
                        ComponentIds.encode(ComponentIds.Action.PDSA_MODAL, c.id(), decision, messageId),
                        UserText.shorten(verb + " · " + PdsaMessages.name(c), TITLE_MAX))
                .addComponents(Label.of(
                        PdsaService.WHY,
                        d == PdsaCycle.Decision.ADOPT
                                ? "What the data showed that makes this worth keeping"
                                : d == PdsaCycle.Decision.ADAPT ? "What worked and what did not" : "What you learnt",
                        TextInput.create("why", TextInputStyle.PARAGRAPH)
                                .setMaxLength(PdsaCycle.TEXT_MAX)
                                .build()));
        if (d == PdsaCycle.Decision.ADAPT) {
            // The next cycle is the adapted change: its idea, plan and prediction start as this cycle's, to edit.
            modal.addComponents(
                    Label.of(
                            PdsaService.NEXT_IDEA,
                            "Edit it for the next cycle, or keep it",
                            TextInput.create("idea", TextInputStyle.SHORT)
                                    .setRequired(false)
                                    .setMaxLength(PdsaCycle.IDEA_MAX)
                                    .setValue(c.changeIdea())
                                    .build()),
                    Label.of(
                            PdsaService.NEXT,
                            "The next cycle's plan: edit this one",
                            TextInput.create("next", TextInputStyle.PARAGRAPH)
                                    .setRequired(false)
                                    .setMaxLength(PdsaCycle.TEXT_MAX)
                                    .setValue(c.plan())
                                    .build()),
                    Label.of(
                            PdsaService.NEXT_PREDICTION,
                            "What should happen this time",
                            TextInput.create("prediction", TextInputStyle.PARAGRAPH)
                                    .setRequired(false)
                                    .setMaxLength(PdsaCycle.TEXT_MAX)
                                    .setValue(c.prediction())
                                    .build()));
        }
        e.replyModal(modal.build()).queue(null, InteractionErrors.onFailure(e, "the Act form"));
    }

    @Override
    public void handle(ModalInteractionEvent e, ComponentIds.Decoded id, Actor actor) {
        // Storing and posting the cycle's message can take longer than Discord's three seconds.
        Replies.defer(e);
        if (id.action() == ComponentIds.Action.PDSA_NEW_MODAL) {
            PdsaService.Result r = pdsa.start(
                    actor,
                    new PdsaService.Draft(
                            value(e, "idea"),
                            value(e, "plan"),
                            value(e, "prediction"),
                            value(e, "measure"),
                            value(e, "weeks")));
            if (r instanceof PdsaService.Done done) {
                Optional<String> posted = post(e, done.card());
                PdsaCycle c = done.card().cycle();
                Replies.ephemeral(
                        e,
                        "Started **" + PdsaMessages.name(c) + "** for "
                                + Mentions.neutralise(done.card().home())
                                + ", planned for " + c.plannedWeeks() + (c.plannedWeeks() == 1 ? " week" : " weeks")
                                + ", to " + PdsaMessages.day(c.plannedEnd()) + ". "
                                + where(posted, done.card())
                                + " It is shared with the cohort without your home's name unless you choose "
                                + "otherwise on its message.");
            } else {
                refuse(e, (PdsaService.Refused) r);
            }
            return;
        }
        long cycleId = id.longArg(0);
        String kind = id.arg(1);
        String messageId = id.arg(2);
        PdsaService.Result r = switch (kind) {
            case "do" -> pdsa.recordDo(actor, cycleId, value(e, "text"));
            case "study" -> pdsa.recordStudy(actor, cycleId, value(e, "text"));
            default ->
                pdsa.act(
                        actor,
                        cycleId,
                        PdsaCycle.Decision.valueOf(kind.toUpperCase(Locale.ROOT)),
                        value(e, "why"),
                        new PdsaService.NextCycle(value(e, "idea"), value(e, "next"), value(e, "prediction")));
        };
        if (!(r instanceof PdsaService.Done done)) {
            refuse(e, (PdsaService.Refused) r);
            return;
        }
        channel(e, done.card())
                .ifPresent(ch -> ch.editMessageById(messageId, PdsaMessages.edit(done.card()))
                        .queue(null, err -> LOG.warn("Could not update a cycle's message: {}", err.getMessage())));
        PdsaCycle c = done.card().cycle();
        String said = switch (kind) {
            case "do" ->
                "Saved **Do** for cycle " + c.number() + ". When its " + c.plannedWeeks()
                        + (c.plannedWeeks() == 1 ? " week is" : " weeks are")
                        + " up, press **Study** and say what the data showed.";
            case "study" ->
                "Saved **Study** for cycle " + c.number() + ". Now decide with **Act**: adopt, adapt or abandon.";
            case "adopt" ->
                "Cycle " + c.number() + " adopted: well done. Keep entering your measures to see the change hold.";
            case "abandon" ->
                "Cycle " + c.number() + " abandoned. That is learning too: start the next idea with `/pdsa new`.";
            default -> {
                PdsaService.Card next = done.next().orElseThrow();
                yield "Cycle " + c.number() + " adapted. **" + PdsaMessages.name(next.cycle())
                        + "** is open with your changes. "
                        + where(post(e, next), next);
            }
        };
        Replies.ephemeral(e, said);
    }

    private static String value(ModalInteractionEvent e, String id) {
        ModalMapping m = e.getValue(id);
        return m == null ? "" : m.getAsString();
    }

    private static Optional<TextChannel> channel(ModalInteractionEvent e, PdsaService.Card card) {
        Guild guild = e.getGuild();
        if (guild == null) {
            return Optional.empty();
        }
        return card.channelId().map(guild::getTextChannelById);
    }

    /** Posts the cycle's message in its home's channel; its id, or empty if the channel is missing. */
    private static Optional<String> post(ModalInteractionEvent e, PdsaService.Card card) {
        Optional<TextChannel> channel = channel(e, card);
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                channel.get().sendMessage(PdsaMessages.create(card)).complete().getId());
    }

    private static String where(Optional<String> posted, PdsaService.Card card) {
        return posted.isPresent()
                ? "Its message with the **Do**, **Study** and **Act** buttons is in <#"
                        + card.channelId().orElseThrow() + ">."
                : "It is saved, but your home's channel is missing, so its buttons could not be posted: ask your "
                        + "coach to run `/cohort repair`. `/pdsa list` shows it meanwhile.";
    }

    /** The refusal, with what was typed quoted back (in as many messages as it takes). */
    private static void refuse(IReplyCallback cb, PdsaService.Refused r) {
        List<String> parts = PdsaMessages.refused(r);
        Replies.ephemeral(cb, parts.get(0));
        for (String more : parts.subList(1, parts.size())) {
            Replies.hook(cb)
                    .sendMessage(more)
                    .setEphemeral(true)
                    .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                    .queue(null, InteractionErrors.onFailure(cb, "the text you typed"));
        }
    }
}
