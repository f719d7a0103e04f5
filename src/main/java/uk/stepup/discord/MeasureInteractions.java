package uk.stepup.discord;

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
import uk.stepup.measures.MeasureEntryService;
import uk.stepup.shared.Actor;

/**
 * Entering measures on Discord: the "Add this week's measures" button opens a form of at most five boxes (a page);
 * its answers go to the measure desk. A saved page offers the next one; a page with a problem is answered with what
 * to fix and a button that reopens it pre-filled.
 */
public final class MeasureInteractions implements InteractionHandlers.Buttons, InteractionHandlers.Modals {
    private final MeasureEntryService desk;

    public MeasureInteractions(MeasureEntryService desk) {
        this.desk = desk;
    }

    @Override
    public Set<ComponentIds.Action> actions() {
        return Set.of(ComponentIds.Action.MEASURES_ADD, ComponentIds.Action.MEASURES_MODAL);
    }

    /** The button that opens a page of the form. */
    static Button button(MeasureEntryService.Offer offer) {
        return Button.primary(
                ComponentIds.encode(ComponentIds.Action.MEASURES_ADD, offer.homeId(), offer.week(), offer.page()),
                offer.label());
    }

    @Override
    public void handle(ButtonInteractionEvent e, ComponentIds.Decoded id, Actor actor) {
        Optional<String> draft = id.args().size() > 3 ? Optional.of(id.arg(3)) : Optional.empty();
        int page = id.args().size() > 2 ? id.intArg(2) : 1;
        MeasureEntryService.Result r = desk.open(actor, id.longArg(0), id.intArg(1), page, draft);
        if (r instanceof MeasureEntryService.Opened opened) {
            e.replyModal(modal(opened.form())).queue(null, InteractionErrors.onFailure(e, "the measures form"));
        } else {
            reply(e, r);
        }
    }

    @Override
    public void handle(ModalInteractionEvent e, ComponentIds.Decoded id, Actor actor) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (ModalMapping m : e.getValues()) {
            typed.put(m.getCustomId(), m.getAsString());
        }
        // Stored by the desk (or refused) before this reply acknowledges the form.
        reply(e, desk.submit(actor, id.longArg(0), id.intArg(1), id.args().size() > 2 ? id.intArg(2) : 1, typed));
    }

    static Modal modal(MeasureEntryService.Form form) {
        Modal.Builder b = Modal.create(
                ComponentIds.encode(ComponentIds.Action.MEASURES_MODAL, form.homeId(), form.week(), form.page()),
                form.title());
        for (MeasureEntryService.Input in : form.inputs()) {
            TextInput.Builder box = TextInput.create(in.id(), TextInputStyle.SHORT)
                    .setRequired(false)
                    .setMaxLength(MeasureEntryService.INPUT_MAX)
                    .setPlaceholder(in.placeholder());
            in.value().ifPresent(box::setValue);
            b.addComponents(Label.of(in.label(), in.description(), box.build()));
        }
        return b.build();
    }

    private static void reply(IReplyCallback cb, MeasureEntryService.Result r) {
        if (r instanceof MeasureEntryService.Saved s) {
            var reply = cb.reply(EmbedCard.fit(s.message(), EmbedCard.CONTENT_MAX))
                    .setEphemeral(true)
                    .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
            if (s.next().isPresent()) {
                reply = reply.setComponents(ActionRow.of(button(s.next().get())));
            }
            reply.queue(null, InteractionErrors.onFailure(cb, "the measures reply"));
        } else if (r instanceof MeasureEntryService.Invalid i) {
            MeasureEntryService.Offer retry = i.retry();
            cb.reply(EmbedCard.fit(i.message(), EmbedCard.CONTENT_MAX))
                    .setEphemeral(true)
                    .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                    .setComponents(ActionRow.of(Button.primary(
                            ComponentIds.encode(
                                    ComponentIds.Action.MEASURES_ADD,
                                    retry.homeId(),
                                    retry.week(),
                                    retry.page(),
                                    i.draft()),
                            "Fix my measures")))
                    .queue(null, InteractionErrors.onFailure(cb, "the measures reply"));
        } else if (r instanceof MeasureEntryService.Refused refused) {
            Replies.ephemeral(cb, refused.outcome());
        } else {
            Replies.ephemeral(cb, "Please use the Add this week's measures button after your check-in.");
        }
    }

    /** The row to add under a saved check-in, if the cohort has measures to enter that week. */
    static List<ActionRow> offerRow(MeasureEntryService desk, long homeId, int week) {
        return desk.offer(homeId, week)
                .map(o -> List.of(ActionRow.of(button(o))))
                .orElse(List.of());
    }
}
