package uk.stepup.discord;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.callbacks.IModalCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import uk.stepup.actions.ActionService;
import uk.stepup.checkins.Checkin;
import uk.stepup.checkins.CheckinAnswers;
import uk.stepup.checkins.CheckinService;
import uk.stepup.checkins.HighlightShare;
import uk.stepup.measures.MeasureEntryService;
import uk.stepup.shared.Actor;
import uk.stepup.shared.CheckinId;
import uk.stepup.shared.Rating;
import uk.stepup.shared.UserText;

/**
 * The weekly check-in on Discord: {@code /checkin} and the Check in buttons open the modal; the modal's answers go
 * to the check-in desk, which commits them before this replies; the reply offers the highlight-sharing buttons and,
 * when the cohort has measures, "Add this week's measures".
 */
public final class CheckinInteractions
        implements InteractionHandlers.Slash, InteractionHandlers.Buttons, InteractionHandlers.Modals {
    /** Discord's limit for a modal's title (interactions/receiving-and-responding#interaction-response-object-modal). */
    static final int MODAL_TITLE_MAX = 45;

    private final CheckinService desk;
    private final Optional<MeasureEntryService> measures;
    private final Optional<ActionInteractions> followUp;

    public CheckinInteractions(CheckinService desk) {
        this(desk, Optional.empty());
    }

    public CheckinInteractions(CheckinService desk, Optional<MeasureEntryService> measures) {
        this(desk, measures, Optional.empty());
    }

    /**
     * With {@code followUp}, Check in first asks how the home's open next steps went, when any are due (see {@link
     * ActionInteractions} for why a step before the modal).
     */
    public CheckinInteractions(
            CheckinService desk, Optional<MeasureEntryService> measures, Optional<ActionInteractions> followUp) {
        this.desk = desk;
        this.measures = measures;
        this.followUp = followUp;
    }

    @Override
    public SlashCommandData definition() {
        return Commands.slash("checkin", "Open this week's check-in for your home (about two minutes)");
    }

    @Override
    public Set<ComponentIds.Action> actions() {
        return Set.of(
                ComponentIds.Action.CHECKIN_OPEN,
                ComponentIds.Action.CHECKIN_SHARE,
                ComponentIds.Action.CHECKIN_CONFIRM,
                ComponentIds.Action.CHECKIN_REVISE,
                ComponentIds.Action.CHECKIN_MODAL);
    }

    @Override
    public void handle(SlashCommandInteractionEvent e, Actor actor) {
        openCheckin(e, desk.open(actor, Optional.empty(), Optional.empty()), true);
    }

    @Override
    public void handle(ButtonInteractionEvent e, ComponentIds.Decoded d, Actor actor) {
        switch (d.action()) {
            case CHECKIN_OPEN ->
                openCheckin(
                        e,
                        desk.open(actor, Optional.of(d.cohortId(0)), Optional.of(d.intArg(1))),
                        // "Continue to check-in" after the next steps' follow-up opens the form itself.
                        !(d.args().size() > 2 && "f".equals(d.arg(2))));
            case CHECKIN_SHARE ->
                Replies.ephemeral(
                        e,
                        desk.share(
                                actor,
                                d.checkinId(0),
                                HighlightShare.valueOf(d.arg(1).toUpperCase(Locale.ROOT))));
            case CHECKIN_CONFIRM -> saved(e, desk.confirm(actor, d.arg(0)));
            case CHECKIN_REVISE -> {
                Optional<CheckinService.Form> form = desk.held(actor, d.arg(0));
                if (form.isPresent()) {
                    e.replyModal(checkinModal(form.get()))
                            .queue(null, InteractionErrors.onFailure(e, "the check-in form"));
                } else {
                    Replies.ephemeral(e, "That draft has expired. Please press Check in again.");
                }
            }
            default -> Replies.ephemeral(e, "This button is not available.");
        }
    }

    @Override
    public void handle(ModalInteractionEvent e, ComponentIds.Decoded id, Actor actor) {
        Optional<Rating> rating = Optional.ofNullable(e.getValue("rating"))
                .flatMap(v -> v.getAsStringList().stream().findFirst())
                .flatMap(Rating::parse);
        String did = value(e, "did").orElse("");
        if (rating.isEmpty() || did.isBlank()) {
            Replies.ephemeral(e, "⚠️ Please choose a rating and say what you did this week; nothing was saved.");
            return;
        }
        CheckinAnswers answers = new CheckinAnswers(
                rating.get(), did.strip(), value(e, "evidence"), value(e, "next"), value(e, "highlight"));
        // The check-in is committed by the desk before this reply acknowledges the interaction.
        saved(e, desk.submit(actor, id.homeId(0), id.intArg(1), answers));
    }

    /** The check-in modal: a rating select and four text inputs, each inside a Label, pre-filled when editing. */
    static Modal checkinModal(CheckinService.Form form) {
        Optional<CheckinAnswers> p = form.prefill();
        StringSelectMenu.Builder rating =
                StringSelectMenu.create("rating").setRequiredRange(1, 1).setPlaceholder("Choose a rating");
        for (Rating r : CheckinService.ratingChoices()) {
            rating.addOption(r.label(), r.key());
        }
        p.ifPresent(a -> rating.setDefaultValues(a.rating().key()));
        TextInput.Builder did = TextInput.create("did", TextInputStyle.PARAGRAPH)
                .setRequired(true)
                .setRequiredRange(1, CheckinAnswers.DID_MAX)
                .setPlaceholder("The changes you made, at pattern level");
        TextInput.Builder evidence = TextInput.create("evidence", TextInputStyle.PARAGRAPH)
                .setRequired(false)
                .setMaxLength(CheckinAnswers.EVIDENCE_MAX)
                .setPlaceholder("Audits, feedback, records you can point to");
        TextInput.Builder next = TextInput.create("next", TextInputStyle.SHORT)
                .setRequired(false)
                .setMaxLength(CheckinAnswers.NEXT_STEP_MAX);
        TextInput.Builder highlight = TextInput.create("highlight", TextInputStyle.PARAGRAPH)
                .setRequired(false)
                .setMaxLength(CheckinAnswers.HIGHLIGHT_MAX)
                .setPlaceholder("Something other homes could try");
        p.ifPresent(a -> {
            did.setValue(a.didThisWeek());
            a.evidence().ifPresent(evidence::setValue);
            a.nextStep().ifPresent(next::setValue);
            a.highlight().ifPresent(highlight::setValue);
        });
        return Modal.create(
                        ComponentIds.encode(ComponentIds.Action.CHECKIN_MODAL, form.homeId(), form.week()),
                        modalTitle(form))
                .addComponents(
                        Label.of("Self-rating for " + form.code(), rating.build()),
                        Label.of(
                                "What we did this week",
                                "No resident names, rooms or dates of birth, please.",
                                did.build()),
                        Label.of("Evidence we now have", evidence.build()),
                        Label.of("Next step or help needed", next.build()),
                        Label.of("A highlight other homes could learn from", highlight.build()))
                .build();
    }

    /** The modal title, e.g. "Week 3 · S3 Staffing and recruitment", cut to Discord's limit for a modal title. */
    static String modalTitle(CheckinService.Form form) {
        return UserText.shorten("Week " + form.week() + " · " + form.code() + " " + form.title(), MODAL_TITLE_MAX);
    }

    private void openCheckin(IReplyCallback cb, CheckinService.Result result, boolean askFirst) {
        if (askFirst && result instanceof CheckinService.Opened opened && followUp.isPresent()) {
            Optional<ActionService.Step> step =
                    followUp.get().due(opened.form().homeId(), opened.form().week());
            if (step.isPresent()) {
                ActionInteractions.show(cb, step.get());
                return;
            }
        }
        if (result instanceof CheckinService.Opened opened && cb instanceof IModalCallback m) {
            m.replyModal(checkinModal(opened.form())).queue(null, InteractionErrors.onFailure(cb, "the check-in form"));
        } else if (result instanceof CheckinService.Refused refused) {
            Replies.ephemeral(cb, refused.outcome());
        } else {
            Replies.ephemeral(cb, "Please use the Check in button or `/checkin`.");
        }
    }

    /** What the manager sees once their check-in is stored: its answers, shortened, and how to change it. */
    static String receipt(Checkin c, boolean changed) {
        StringBuilder s = new StringBuilder();
        if (!changed) {
            // The same answers again: most often a second press after Discord said "This interaction failed".
            s.append("Already saved: your week ")
                    .append(c.week())
                    .append(" check-in for ")
                    .append(c.code())
                    .append(" has these answers, so nothing changed.\n");
        } else {
            s.append(c.revisions() == 1 ? "Saved" : "Updated (version " + c.revisions() + ")")
                    .append(" your week ")
                    .append(c.week())
                    .append(" check-in for ")
                    .append(c.code())
                    .append(c.late() ? ", marked late" : "")
                    .append(".\n");
        }
        s.append(Markdown.bold("Self-rating:") + " ")
                .append(c.answers().rating().label())
                .append('\n');
        s.append(Markdown.bold("What we did:") + " ")
                .append(shorten(c.answers().didThisWeek()))
                .append('\n');
        c.answers()
                .evidence()
                .ifPresent(v -> s.append(Markdown.bold("Evidence:") + " ")
                        .append(shorten(v))
                        .append('\n'));
        c.answers()
                .nextStep()
                .ifPresent(v -> s.append(Markdown.bold("Next step:") + " ")
                        .append(shorten(v))
                        .append('\n'));
        c.answers()
                .highlight()
                .ifPresent(
                        v -> s.append(Markdown.bold("Highlight:") + " ")
                                .append(shorten(v))
                                .append(
                                        "\nHow should we share your highlight with the cohort? Anonymously unless you choose otherwise.\n"));
        s.append("You can change it until the week's summary is posted: press " + Markdown.bold("Check in")
                + " again or use `/checkin`.");
        return s.toString();
    }

    private static String shorten(String text) {
        return UserText.shorten(UserText.oneLine(text), 160);
    }

    private static Optional<String> value(ModalInteractionEvent e, String id) {
        return Optional.ofNullable(e.getValue(id))
                .map(ModalMapping::getAsString)
                .filter(s -> !s.isBlank());
    }

    private void saved(IReplyCallback cb, CheckinService.Result result) {
        if (result instanceof CheckinService.Saved s) {
            List<ActionRow> rows = new ArrayList<>();
            if (s.checkin().answers().highlight().isPresent()) {
                CheckinId id = new CheckinId(s.checkin().id());
                rows.add(ActionRow.of(
                        Button.primary(
                                ComponentIds.encode(ComponentIds.Action.CHECKIN_SHARE, id, "anonymous"),
                                "Share anonymously"),
                        Button.secondary(
                                ComponentIds.encode(ComponentIds.Action.CHECKIN_SHARE, id, "named"),
                                "Share with our name"),
                        Button.secondary(
                                ComponentIds.encode(ComponentIds.Action.CHECKIN_SHARE, id, "none"), "Don't share")));
            }
            List<ActionRow> offer = measures.map(m -> MeasureInteractions.offerRow(
                            m, s.checkin().homeId(), s.checkin().week()))
                    .orElse(List.of());
            rows.addAll(offer);
            String text = receipt(s.checkin(), s.changed())
                    + (offer.isEmpty()
                            ? ""
                            : "\nYour cohort also tracks measures: add this week's numbers "
                                    + "with the button below (aggregate numbers only).");
            var reply = cb.reply(EmbedCard.fit(text, EmbedCard.CONTENT_MAX))
                    .setEphemeral(true)
                    .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
            if (!rows.isEmpty()) {
                reply = reply.setComponents(rows);
            }
            // The check-in is already committed: if this answer is too late, the manager's retry finds it saved.
            reply.queue(null, InteractionErrors.onFailure(cb, "the check-in reply"));
        } else if (result instanceof CheckinService.Confirm c) {
            cb.reply(EmbedCard.fit(c.message(), EmbedCard.CONTENT_MAX))
                    .setEphemeral(true)
                    .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                    .setComponents(ActionRow.of(
                            Button.secondary(
                                    ComponentIds.encode(ComponentIds.Action.CHECKIN_REVISE, c.token()),
                                    "Edit my answers"),
                            Button.danger(
                                    ComponentIds.encode(ComponentIds.Action.CHECKIN_CONFIRM, c.token()),
                                    "Save as written")))
                    .queue(null, InteractionErrors.onFailure(cb, "the privacy question"));
        } else if (result instanceof CheckinService.Refused r) {
            Replies.ephemeral(cb, r.outcome());
        }
    }
}
