package uk.stepup.discord;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import uk.stepup.actions.ActionOutcome;
import uk.stepup.actions.ActionService;
import uk.stepup.shared.Actor;
import uk.stepup.shared.CohortId;
import uk.stepup.shared.HomeId;
import uk.stepup.shared.Outcome;
import uk.stepup.shared.UserText;

/**
 * Next steps followed through, on Discord: the step before the check-in's questions.
 *
 * <p>Why a step before the modal and not inside it: the check-in modal already holds Discord's five components
 * (a rating select and four text inputs), so there is no room for a follow-up question in it. Pressing Check in
 * with next steps due therefore first shows a message only the manager sees: each step with one row of four buttons
 * (Done, Partly, Not yet, Dropped), one tap each, which save as they are tapped and redraw the message, then
 * <b>Continue to check-in</b> (the usual modal) and <b>Add a few words</b> (a small modal, one box per step).
 * Buttons rather than selects: one tap on a phone instead of two, and no new kind of component for the router.
 * Skipping is simply pressing Continue: the steps stay open and are asked about next time. The check-in itself is
 * untouched: its answers are still written before the interaction is acknowledged, and held when the privacy guard
 * asks.
 */
public final class ActionInteractions implements InteractionHandlers.Buttons, InteractionHandlers.Modals {
    /** Discord's limits for a label's text and its description (components#label). */
    static final int LABEL_MAX = 45;

    static final int DESCRIPTION_MAX = 100;
    static final String CONTINUE = "Continue to check-in";
    static final String WORDS = "Add a few words";

    private final ActionService actions;

    public ActionInteractions(ActionService actions) {
        this.actions = actions;
    }

    @Override
    public Set<ComponentIds.Action> actions() {
        return Set.of(
                ComponentIds.Action.ACTION_OUTCOME,
                ComponentIds.Action.ACTION_WORDS,
                ComponentIds.Action.ACTION_WORDS_MODAL);
    }

    /** The follow-up step, if week {@code week}'s check-in has next steps to ask about first. */
    Optional<ActionService.Step> due(HomeId home, int week) {
        return actions.due(home, week);
    }

    /** Shows the follow-up step as the reply to Check in (only the manager sees it). */
    static void show(IReplyCallback cb, ActionService.Step step) {
        cb.reply(EmbedCard.fit(text(step), EmbedCard.CONTENT_MAX))
                .setEphemeral(true)
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .setComponents(rows(step))
                .queue(null, InteractionErrors.onFailure(cb, "the next steps' follow-up"));
    }

    /** The message: each step numbered with what was said this week, and what to do. */
    static String text(ActionService.Step step) {
        StringBuilder s = new StringBuilder(
                Markdown.bold("Before week " + step.week() + "'s check-in: how did your next steps go?"));
        for (ActionService.Item item : step.items()) {
            s.append("\n")
                    .append(Markdown.bold(item.number() + "."))
                    .append(' ')
                    .append(UserText.shorten(UserText.oneLine(item.action().text()), 200))
                    .append(" _(from week ")
                    .append(item.action().setWeek())
                    .append(")_");
            item.answered()
                    .ifPresent(o -> s.append(" → ").append(mark(o)).append(' ').append(o.label()));
            item.thisWeek()
                    .flatMap(f -> f.note())
                    .ifPresent(n -> s.append(" · “")
                            .append(UserText.shorten(UserText.oneLine(n), 80))
                            .append('”'));
        }
        s.append("\nTap how each went: it saves as you tap. Partly and not yet keep a step for next week. Then press ")
                .append(Markdown.bold(CONTINUE))
                .append(". To skip, just continue: your steps stay open.");
        if (step.more() > 0) {
            s.append("\n")
                    .append(step.more())
                    .append(step.more() == 1 ? " more step comes" : " more steps come")
                    .append(" when you press Check in again.");
        }
        return s.toString();
    }

    private static String mark(ActionOutcome o) {
        return switch (o) {
            case DONE -> "✅";
            case PARTLY -> "◐";
            case NOT_YET -> "⏳";
            case DROPPED -> "✖️";
        };
    }

    /** One row of four buttons per step (the chosen one highlighted), then Continue and Add a few words. */
    static List<ActionRow> rows(ActionService.Step step) {
        List<ActionRow> rows = new ArrayList<>();
        List<Object> wordsArgs = new ArrayList<>(List.of(new HomeId(step.homeId()), step.week(), step.cohortId()));
        for (ActionService.Item item : step.items()) {
            List<Button> buttons = new ArrayList<>();
            for (ActionOutcome o : ActionOutcome.values()) {
                String id = ComponentIds.encode(
                        ComponentIds.Action.ACTION_OUTCOME, item.action().id(), step.week(), o.key());
                String label = item.number() + " · " + o.label();
                buttons.add(
                        item.answered().equals(Optional.of(o))
                                ? Button.success(id, label)
                                : Button.secondary(id, label));
            }
            rows.add(ActionRow.of(buttons));
            wordsArgs.add(item.action().id());
        }
        rows.add(ActionRow.of(
                Button.primary(
                        ComponentIds.encode(
                                ComponentIds.Action.CHECKIN_OPEN, new CohortId(step.cohortId()), step.week(), "f"),
                        CONTINUE),
                Button.secondary(ComponentIds.encode(ComponentIds.Action.ACTION_WORDS, wordsArgs.toArray()), WORDS)));
        return rows;
    }

    @Override
    public void handle(ButtonInteractionEvent e, ComponentIds.Decoded d, Actor actor) {
        switch (d.action()) {
            case ACTION_OUTCOME -> answer(e, d, actor);
            case ACTION_WORDS -> words(e, d, actor);
            default -> Replies.ephemeral(e, "This button is not available.");
        }
    }

    /** Stores the answer (committed before the message is redrawn, which acknowledges the press). */
    private void answer(ButtonInteractionEvent e, ComponentIds.Decoded d, Actor actor) {
        Optional<ActionOutcome> outcome = ActionOutcome.parse(d.arg(2));
        if (outcome.isEmpty()) {
            Replies.ephemeral(e, "This button is not available.");
            return;
        }
        int week = d.intArg(1);
        ActionService.Answer answer = actions.answer(actor, d.longArg(0), week, outcome.get());
        if (answer instanceof ActionService.Refused r) {
            Replies.ephemeral(e, r.outcome());
            return;
        }
        ActionService.Answered a = (ActionService.Answered) answer;
        List<Long> shown = e.getMessage().getComponentTree().findAll(Button.class).stream()
                .map(Button::getCustomId)
                .flatMap(id -> ComponentIds.decode(id).stream())
                .filter(x -> x.action() == ComponentIds.Action.ACTION_OUTCOME)
                .map(x -> x.longArg(0))
                .distinct()
                .toList();
        Optional<ActionService.Step> step =
                actions.shown(actor, new HomeId(a.action().homeId()), week, shown);
        if (step.isEmpty()) {
            Replies.ephemeral(e, "Saved: " + a.outcome().label() + ".");
            return;
        }
        e.editMessage(EmbedCard.fit(text(step.get()), EmbedCard.CONTENT_MAX))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .setComponents(rows(step.get()))
                .queue(null, InteractionErrors.onFailure(e, "the next steps' follow-up"));
    }

    /** Opens the few-words modal: one optional box per step shown, pre-filled with what was said this week. */
    private void words(ButtonInteractionEvent e, ComponentIds.Decoded d, Actor actor) {
        HomeId home = d.homeId(0);
        int week = d.intArg(1);
        List<Long> ids = new ArrayList<>();
        for (int i = 3; i < d.args().size(); i++) {
            ids.add(d.longArg(i));
        }
        Optional<ActionService.Step> step = actions.shown(actor, home, week, ids);
        if (step.isEmpty()) {
            Replies.ephemeral(e, Outcome.refused("Only the managers of a home can say how its next steps went."));
            return;
        }
        e.replyModal(wordsModal(step.get())).queue(null, InteractionErrors.onFailure(e, "the few-words form"));
    }

    static Modal wordsModal(ActionService.Step step) {
        List<Label> labels = new ArrayList<>();
        for (ActionService.Item item : step.items()) {
            TextInput.Builder box = TextInput.create("n" + item.action().id(), TextInputStyle.SHORT)
                    .setRequired(false)
                    .setMaxLength(ActionService.NOTE_MAX)
                    .setPlaceholder("A few words, if you like");
            item.thisWeek().flatMap(f -> f.note()).ifPresent(box::setValue);
            String text = UserText.oneLine(item.action().text());
            labels.add(Label.of(
                    UserText.shorten(item.number() + ". " + text, LABEL_MAX),
                    UserText.shorten("Set in week " + item.action().setWeek() + ": " + text, DESCRIPTION_MAX),
                    box.build()));
        }
        return Modal.create(
                        ComponentIds.encode(
                                ComponentIds.Action.ACTION_WORDS_MODAL,
                                new HomeId(step.homeId()),
                                step.week(),
                                step.cohortId()),
                        "How your next steps went")
                .addComponents(labels)
                .build();
    }

    /** Stores the few words (after the privacy guard) before replying, and offers the check-in again. */
    @Override
    public void handle(ModalInteractionEvent e, ComponentIds.Decoded d, Actor actor) {
        Map<Long, String> notes = new LinkedHashMap<>();
        for (ModalMapping m : e.getValues()) {
            String id = m.getCustomId();
            if (id.length() > 1
                    && id.charAt(0) == 'n'
                    && id.substring(1).chars().allMatch(Character::isDigit)) {
                notes.put(Long.parseLong(id.substring(1)), m.getAsString());
            }
        }
        Outcome outcome = actions.words(actor, d.homeId(0), d.intArg(1), notes);
        List<Button> buttons = new ArrayList<>();
        if (outcome.kind() != Outcome.Kind.REFUSED) {
            buttons.add(Button.primary(
                    ComponentIds.encode(ComponentIds.Action.CHECKIN_OPEN, new CohortId(d.longArg(2)), d.intArg(1), "f"),
                    CONTINUE));
        }
        var reply = e.reply(Replies.text(outcome))
                .setEphemeral(true)
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
        if (!buttons.isEmpty()) {
            reply = reply.setComponents(ActionRow.of(buttons));
        }
        reply.queue(null, InteractionErrors.onFailure(e, "the few-words reply"));
    }
}
