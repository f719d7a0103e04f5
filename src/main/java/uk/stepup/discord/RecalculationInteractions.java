package uk.stepup.discord;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import uk.stepup.improvement.Recalculation;
import uk.stepup.improvement.RecalculationService;
import uk.stepup.shared.Actor;
import uk.stepup.shared.HomeId;
import uk.stepup.shared.Outcome;

/**
 * Recalculating a home's limits on Discord, always a person's decision: {@code /measures} shows the offer with a
 * button; the button opens a form asking why; confirming stores it (the use case checks again that the offer stands
 * and that the person manages the home or coaches its cohort). Each recalculation in force has an Undo button.
 */
public final class RecalculationInteractions implements InteractionHandlers.Buttons, InteractionHandlers.Modals {
    /** The one box of the form. */
    static final String WHY = "why";
    /** Discord: at most 5 buttons in a row and 5 rows on a message (components/reference#action-row). */
    static final int MAX_ROWS = 5;

    static final int ROW_WIDTH = 5;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

    private final RecalculationService recalculations;

    public RecalculationInteractions(RecalculationService recalculations) {
        this.recalculations = recalculations;
    }

    @Override
    public Set<ComponentIds.Action> actions() {
        return Set.of(
                ComponentIds.Action.RECALC_OFFER, ComponentIds.Action.RECALC_MODAL, ComponentIds.Action.RECALC_UNDO);
    }

    /** "Recalculate limits from the week of 1 Mar 2027? 7 weeks in a row below the mean since then, after …" */
    static String offerLine(RecalculationService.Offer offer) {
        String since = offer.sinceThen();
        return "Recalculate limits from " + offer.period() + "? " + Character.toUpperCase(since.charAt(0))
                + since.substring(1) + ".";
    }

    /** The buttons under {@code /measures}: each offer, then each recalculation in force; at most 25. */
    static List<ActionRow> rows(Map<Long, RecalculationService.Panel> panels) {
        List<Button> buttons = new ArrayList<>();
        for (RecalculationService.Panel p : panels.values()) {
            p.offer()
                    .ifPresent(o -> buttons.add(Button.primary(
                            ComponentIds.encode(
                                    ComponentIds.Action.RECALC_OFFER,
                                    new HomeId(o.homeId()),
                                    o.measure().id(),
                                    o.from().toString()),
                            EmbedCard.shorten("Recalculate " + o.measure().name() + " limits", 80))));
            for (RecalculationService.Active a : p.active()) {
                Recalculation r = a.recalculation();
                buttons.add(Button.secondary(
                        ComponentIds.encode(ComponentIds.Action.RECALC_UNDO, r.id()),
                        EmbedCard.shorten(
                                "Undo " + a.measure() + " recalculation (" + DAY.format(r.from()) + ")", 80)));
            }
        }
        List<ActionRow> rows = new ArrayList<>();
        for (int i = 0; i < buttons.size() && rows.size() < MAX_ROWS; i += ROW_WIDTH) {
            rows.add(ActionRow.of(buttons.subList(i, Math.min(i + ROW_WIDTH, buttons.size()))));
        }
        return rows;
    }

    @Override
    public void handle(ButtonInteractionEvent e, ComponentIds.Decoded id, Actor actor) {
        if (id.action() == ComponentIds.Action.RECALC_UNDO) {
            Replies.ephemeral(e, recalculations.undo(actor, id.longArg(0)));
            return;
        }
        Optional<LocalDate> from = date(id);
        if (from.isEmpty()) {
            Replies.ephemeral(e, Outcome.invalid("This button is from an older version of the bot; use `/measures`."));
            return;
        }
        RecalculationService.Check check = recalculations.check(actor, id.longArg(0), id.longArg(1), from.get());
        if (check instanceof RecalculationService.MayConfirm may) {
            e.replyModal(modal(may.offer())).queue(null, InteractionErrors.onFailure(e, "the recalculation form"));
        } else if (check instanceof RecalculationService.Refused refused) {
            Replies.ephemeral(e, refused.why());
        }
    }

    @Override
    public void handle(ModalInteractionEvent e, ComponentIds.Decoded id, Actor actor) {
        Optional<LocalDate> from = date(id);
        if (from.isEmpty()) {
            Replies.ephemeral(e, Outcome.invalid("This form is from an older version of the bot; use `/measures`."));
            return;
        }
        ModalMapping why = e.getValue(WHY);
        // Stored (or refused) by the use case before this reply acknowledges the form.
        Replies.ephemeral(
                e,
                recalculations.confirm(
                        actor, id.longArg(0), id.longArg(1), from.get(), why == null ? "" : why.getAsString()));
    }

    private static Optional<LocalDate> date(ComponentIds.Decoded id) {
        try {
            return id.args().size() < 3 ? Optional.empty() : Optional.of(LocalDate.parse(id.arg(2)));
        } catch (DateTimeParseException ex) {
            return Optional.empty();
        }
    }

    /** "Recalculate Falls limits" (within a modal title's 45) with one box: why. */
    static Modal modal(RecalculationService.Offer offer) {
        TextInput box = TextInput.create(WHY, TextInputStyle.PARAGRAPH)
                .setRequired(true)
                .setMaxLength(Recalculation.WHY_MAX)
                .setPlaceholder("e.g. the night checks are now routine and falls have stayed lower")
                .build();
        return Modal.create(
                        ComponentIds.encode(
                                ComponentIds.Action.RECALC_MODAL,
                                new HomeId(offer.homeId()),
                                offer.measure().id(),
                                offer.from().toString()),
                        EmbedCard.shorten("Recalculate " + offer.measure().name() + " limits", 45))
                .addComponents(Label.of(
                        "Why recalculate now?",
                        EmbedCard.shorten(
                                "New limits from " + offer.period() + ". Only your home and coaches see it.", 100),
                        box))
                .build();
    }
}
