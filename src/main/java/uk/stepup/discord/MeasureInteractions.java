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
import uk.stepup.measures.MeasureEntryResult;
import uk.stepup.measures.MeasureEntryService;
import uk.stepup.measures.MeasureForm;
import uk.stepup.shared.Actor;

/**
 * Entering measures on Discord: the "Add this week's measures" button opens a form of at most five boxes (a page);
 * its answers go to {@link MeasureEntryService}. A saved page offers the next one; a page with a problem is answered
 * with what to fix and a button that reopens it pre-filled. The words and Discord's modal limits are here; the use
 * case returns values ({@link MeasureEntryResult}).
 */
public final class MeasureInteractions implements InteractionHandlers.Buttons, InteractionHandlers.Modals {
    /**
     * What a Discord modal holds: at most five components (so five boxes), a label of at most 45 characters and a
     * description of at most 100 (interactions/receiving-and-responding#interaction-response-object-modal, and
     * components/reference#label).
     */
    public static final MeasureForm.Limits MODAL = new MeasureForm.Limits(5, 45, 100);
    /** Longest text a box accepts: ample for any number. */
    static final int INPUT_MAX = 20;

    private final MeasureEntryService entry;

    public MeasureInteractions(MeasureEntryService entry) {
        this.entry = entry;
    }

    @Override
    public Set<ComponentIds.Action> actions() {
        return Set.of(ComponentIds.Action.MEASURES_ADD, ComponentIds.Action.MEASURES_MODAL);
    }

    /** The button that opens a page of the form. */
    static Button button(MeasureForm.Offer offer) {
        MeasureForm.PageRef at = offer.at();
        return Button.primary(
                ComponentIds.encode(ComponentIds.Action.MEASURES_ADD, at.homeId(), at.week(), at.page()), label(offer));
    }

    /** "Add this week's measures", with "(2/3)" when there is more than one page. */
    static String label(MeasureForm.Offer offer) {
        return "Add this week's measures" + ofPages(offer.at().page(), offer.pages());
    }

    /** "Week 3 measures", with "(1/2)" when there is more than one page; always within a modal title's 45. */
    static String title(MeasureForm form) {
        return "Week " + form.at().week() + " measures" + ofPages(form.at().page(), form.pages());
    }

    private static String ofPages(int page, int pages) {
        return pages > 1 ? " (" + page + "/" + pages + ")" : "";
    }

    @Override
    public void handle(ButtonInteractionEvent e, ComponentIds.Decoded id, Actor actor) {
        Optional<String> draft = id.args().size() > 3 ? Optional.of(id.arg(3)) : Optional.empty();
        MeasureEntryResult r = entry.open(actor, pageRef(id), draft, MODAL);
        if (r instanceof MeasureEntryResult.Opened opened) {
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
        // Stored by the use case (or refused) before this reply acknowledges the form.
        reply(e, entry.submit(actor, pageRef(id), typed, MODAL));
    }

    /** The page a button or modal id names: home, week and page (1 when an older id has none). */
    private static MeasureForm.PageRef pageRef(ComponentIds.Decoded id) {
        return new MeasureForm.PageRef(id.longArg(0), id.intArg(1), id.args().size() > 2 ? id.intArg(2) : 1);
    }

    static Modal modal(MeasureForm form) {
        MeasureForm.PageRef at = form.at();
        Modal.Builder b = Modal.create(
                ComponentIds.encode(ComponentIds.Action.MEASURES_MODAL, at.homeId(), at.week(), at.page()),
                title(form));
        for (MeasureForm.Input in : form.inputs()) {
            TextInput.Builder box = TextInput.create(in.id(), TextInputStyle.SHORT)
                    .setRequired(false)
                    .setMaxLength(INPUT_MAX)
                    .setPlaceholder(in.placeholder());
            in.value().ifPresent(box::setValue);
            b.addComponents(Label.of(in.label(), in.description(), box.build()));
        }
        return b.build();
    }

    private static void reply(IReplyCallback cb, MeasureEntryResult r) {
        if (r instanceof MeasureEntryResult.Saved s) {
            var reply = cb.reply(EmbedCard.fit(saved(s), EmbedCard.CONTENT_MAX))
                    .setEphemeral(true)
                    .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
            if (s.next().isPresent()) {
                reply = reply.setComponents(ActionRow.of(button(s.next().get())));
            }
            reply.queue(null, InteractionErrors.onFailure(cb, "the measures reply"));
        } else if (r instanceof MeasureEntryResult.Invalid i) {
            MeasureForm.PageRef retry = i.retry().at();
            cb.reply(EmbedCard.fit(invalid(i.problem()), EmbedCard.CONTENT_MAX))
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
        } else if (r instanceof MeasureEntryResult.Refused refused) {
            Replies.ephemeral(cb, refused.outcome());
        } else {
            Replies.ephemeral(cb, "Please use the Add this week's measures button after your check-in.");
        }
    }

    /** "Saved 2 measures for Oak House, week 3: Falls 4; …", or that the page was empty. */
    static String saved(MeasureEntryResult.Saved s) {
        String more = s.next().isPresent() ? "\nThere are more measures on the next page." : "";
        if (s.entered().isEmpty()) {
            return "Nothing entered on this page, so nothing changed." + more;
        }
        List<String> words = new ArrayList<>();
        s.entered().forEach(e -> words.add(e.words()));
        return "Saved " + words.size() + (words.size() == 1 ? " measure" : " measures") + " for " + s.homeName()
                + ", week " + s.week() + ": " + String.join("; ", words) + ".\n"
                + "Your charts are in `/measures`." + more;
    }

    /** What to fix, each measure named in bold; never the text that was typed. */
    static String invalid(MeasureEntryResult.Problem problem) {
        if (problem instanceof MeasureEntryResult.MayIdentify m) {
            return "**Nothing was saved.** " + m.explanation()
                    + " Those boxes have been emptied; type just the number.";
        }
        List<String> lines = new ArrayList<>();
        if (problem instanceof MeasureEntryResult.Unusable u) {
            u.boxes().forEach(b -> lines.add(box(b)));
        }
        return "**Nothing was saved.** Please fix:\n• " + String.join("\n• ", lines)
                + "\nWhat you typed is kept: press **Fix my measures**.";
    }

    private static String box(MeasureEntryResult.BoxProblem p) {
        String name = "**" + p.measure() + "**";
        if (p instanceof MeasureEntryResult.NotANumber n) {
            return name + n.box().map(b -> ": " + b).orElse("") + " is not a number: type digits only, e.g. 12 or 3.5.";
        }
        if (p instanceof MeasureEntryResult.NeedsBoth n) {
            return name + " needs both " + n.numerator() + " and " + n.denominator() + ", or neither.";
        }
        if (p instanceof MeasureEntryResult.BelowZero b) {
            return name + ": " + b.box() + " cannot be below 0.";
        }
        if (p instanceof MeasureEntryResult.NotAboveZero b) {
            return name + ": " + b.box() + " must be above 0.";
        }
        return name + " cannot be read.";
    }

    /** The row to add under a saved check-in, if the cohort has measures to enter that week. */
    static List<ActionRow> offerRow(MeasureEntryService entry, long homeId, int week) {
        return entry.offer(homeId, week, MODAL)
                .map(o -> List.of(ActionRow.of(button(o))))
                .orElse(List.of());
    }
}
