package uk.stepup.discord;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.attribute.ICategorizableChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import uk.stepup.checkins.CheckinAnswers;
import uk.stepup.checkins.HighlightShare;
import uk.stepup.programme.CheckinDesk;
import uk.stepup.programme.CohortAdmin;
import uk.stepup.programme.Enrolment;
import uk.stepup.programme.ProgressView;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.shared.Rating;

/**
 * Routes every slash command, button and modal to the use case behind it, acknowledges each within Discord's three
 * seconds (deferring first when the work may be slow), and catches any unexpected error once: it is logged with a
 * reference and the person gets an apology quoting it. Who is a coach is decided here from Discord's member data
 * and enforced again inside every use case.
 */
public final class InteractionRouter extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(InteractionRouter.class);
    static final long MAX_CSV_BYTES = 1_000_000;

    private final CohortAdmin admin;
    private final Enrolment enrolment;
    private final CheckinDesk desk;
    private final ProgressView progress;
    private final String coachRole;

    public InteractionRouter(CohortAdmin admin, Enrolment enrolment, CheckinDesk desk, ProgressView progress, String coachRole) {
        this.admin = admin;
        this.enrolment = enrolment;
        this.desk = desk;
        this.progress = progress;
        this.coachRole = coachRole;
    }

    Actor actor(Interaction e) {
        Member m = e.getMember();
        boolean coach = m != null && (m.hasPermission(Permission.MANAGE_SERVER)
                || m.getRoles().stream().anyMatch(r -> r.getName().equalsIgnoreCase(coachRole)));
        String guild = e.getGuild() == null ? "" : e.getGuild().getId();
        return new Actor(e.getUser().getId(), m != null ? m.getEffectiveName() : e.getUser().getName(), guild, coach);
    }

    private interface Work {
        void run() throws Exception;
    }

    private void guarded(Interaction e, IReplyCallback callback, Work work) {
        MDC.put("interaction", e.getId());
        try {
            work.run();
        } catch (Exception ex) {
            String ref = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Interaction failed (ref {})", ref, ex);
            String sorry = "Sorry, something went wrong on our side (ref " + ref + "). Nothing you entered was lost; "
                    + "please try again in a minute, and tell your coach the reference if it keeps happening.";
            if (!callback.isAcknowledged()) {
                callback.reply(sorry).setEphemeral(true).queue(ok -> { }, err -> LOG.warn("Apology not delivered: {}", err.getMessage()));
            } else {
                callback.getHook().sendMessage(sorry).setEphemeral(true).queue(ok -> { }, err -> LOG.warn("Apology not delivered: {}", err.getMessage()));
            }
        } finally {
            MDC.remove("interaction");
        }
    }

    static String text(Outcome o) {
        String prefix = switch (o.kind()) {
            case DONE -> "";
            case REFUSED -> "⛔ ";
            case INVALID -> "⚠️ ";
        };
        return Card.fit(prefix + o.message(), Card.CONTENT_MAX);
    }

    private static void replyEphemeral(IReplyCallback cb, String content) {
        if (cb.isAcknowledged()) {
            cb.getHook().editOriginal(content).setAllowedMentions(EnumSet.noneOf(Message.MentionType.class)).queue();
        } else {
            cb.reply(content).setEphemeral(true).setAllowedMentions(EnumSet.noneOf(Message.MentionType.class)).queue();
        }
    }

    // ---- slash commands -------------------------------------------------------------------------------------

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent e) {
        guarded(e, e, () -> {
            switch (e.getName()) {
                case "cohort" -> cohort(e);
                case "checkin" -> openCheckin(e, desk.open(actor(e), Optional.empty(), Optional.empty()));
                case "progress" -> replyEphemeral(e, Card.fit(progress.forManager(actor(e)), Card.CONTENT_MAX));
                default -> replyEphemeral(e, "I don't know that command any more. It may have been removed.");
            }
        });
    }

    private static Optional<String> opt(SlashCommandInteractionEvent e, String name) {
        return Optional.ofNullable(e.getOption(name)).map(OptionMapping::getAsString);
    }

    private void cohort(SlashCommandInteractionEvent e) throws Exception {
        Actor actor = actor(e);
        if (!actor.coach()) {
            replyEphemeral(e, text(Outcome.refused(Outcome.COACHES_ONLY)));
            return;
        }
        String sub = String.valueOf(e.getSubcommandName());
        // Provisioning channels and reading files can take longer than Discord's three seconds.
        e.deferReply(true).complete();
        if (sub.equals("create")) {
            replyEphemeral(e, text(admin.create(actor, opt(e, "name").orElse(""), opt(e, "start"), opt(e, "framework"),
                    opt(e, "zone"))));
            return;
        }
        Optional<String> category = Optional.empty();
        if (e.getChannel() instanceof ICategorizableChannel c && c.getParentCategoryIdLong() != 0) {
            category = Optional.of(c.getParentCategoryId());
        }
        CohortAdmin.Target target = admin.resolve(actor.guildId(), opt(e, "cohort"), category);
        if (target instanceof CohortAdmin.NotFound nf) {
            replyEphemeral(e, text(nf.why()));
            return;
        }
        var cohort = ((CohortAdmin.Found) target).cohort();
        Outcome outcome = switch (sub) {
            case "enrol" -> enrolment.enrol(actor, cohort, opt(e, "home").orElse(""),
                    Optional.ofNullable(e.getOption("manager")).map(o -> o.getAsUser().getId()).orElse(""));
            case "import" -> importCsv(e, actor, cohort);
            case "pause" -> admin.pause(actor, cohort);
            case "resume" -> admin.resume(actor, cohort);
            case "skip" -> admin.skip(actor, cohort);
            case "end" -> admin.end(actor, cohort);
            case "repair" -> admin.repair(actor, cohort);
            default -> Outcome.invalid("Unknown cohort action.");
        };
        replyEphemeral(e, text(outcome));
    }

    private Outcome importCsv(SlashCommandInteractionEvent e, Actor actor, uk.stepup.cohorts.Cohort cohort) throws Exception {
        Message.Attachment file = Optional.ofNullable(e.getOption("file")).map(OptionMapping::getAsAttachment).orElse(null);
        if (file == null) {
            return Outcome.invalid("Attach the CSV file to the command.");
        }
        if (file.getSize() > MAX_CSV_BYTES) {
            return Outcome.invalid("That file is " + file.getSize() / 1000 + " kB; the import takes CSV files up to 1 MB.");
        }
        String name = file.getFileName().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".csv") && !name.endsWith(".txt")) {
            return Outcome.invalid("Attach a .csv file (save the spreadsheet as CSV UTF-8).");
        }
        try (InputStream in = file.getProxy().download().get(20, TimeUnit.SECONDS)) {
            byte[] bytes = in.readNBytes((int) MAX_CSV_BYTES + 1);
            return enrolment.importCsv(actor, cohort, new String(bytes, StandardCharsets.UTF_8));
        } catch (ExecutionException | TimeoutException | IOException ex) {
            LOG.warn("Could not download the import file: {}", ex.getMessage());
            return Outcome.invalid("I could not download the file from Discord; please try again.");
        }
    }

    // ---- check-ins ------------------------------------------------------------------------------------------

    /** The check-in modal: a rating select and four text inputs, each inside a Label, pre-filled when editing. */
    static Modal checkinModal(CheckinDesk.Form form) {
        Optional<CheckinAnswers> p = form.prefill();
        StringSelectMenu.Builder rating = StringSelectMenu.create("rating").setRequiredRange(1, 1)
                .setPlaceholder("Choose a rating");
        for (Rating r : CheckinDesk.ratingChoices()) {
            rating.addOption(r.label(), r.key());
        }
        p.ifPresent(a -> rating.setDefaultValues(a.rating().key()));
        TextInput.Builder did = TextInput.create("did", TextInputStyle.PARAGRAPH).setRequired(true)
                .setRequiredRange(1, CheckinAnswers.DID_MAX).setPlaceholder("The changes you made, at pattern level");
        TextInput.Builder evidence = TextInput.create("evidence", TextInputStyle.PARAGRAPH).setRequired(false)
                .setMaxLength(CheckinAnswers.EVIDENCE_MAX).setPlaceholder("Audits, feedback, records you can point to");
        TextInput.Builder next = TextInput.create("next", TextInputStyle.SHORT).setRequired(false)
                .setMaxLength(CheckinAnswers.NEXT_STEP_MAX);
        TextInput.Builder highlight = TextInput.create("highlight", TextInputStyle.PARAGRAPH).setRequired(false)
                .setMaxLength(CheckinAnswers.HIGHLIGHT_MAX).setPlaceholder("Something other homes could try");
        p.ifPresent(a -> {
            did.setValue(a.didThisWeek());
            a.evidence().ifPresent(evidence::setValue);
            a.nextStep().ifPresent(next::setValue);
            a.highlight().ifPresent(highlight::setValue);
        });
        return Modal.create(ComponentIds.encode(ComponentIds.Action.CHECKIN_MODAL, form.homeId(), form.week()), form.modalTitle())
                .addComponents(
                        Label.of("Self-rating for " + form.code(), rating.build()),
                        Label.of("What we did this week", "No resident names, rooms or dates of birth, please.", did.build()),
                        Label.of("Evidence we now have", evidence.build()),
                        Label.of("Next step or help needed", next.build()),
                        Label.of("A highlight other homes could learn from", highlight.build()))
                .build();
    }

    private void openCheckin(IReplyCallback cb, CheckinDesk.Result result) {
        if (result instanceof CheckinDesk.Opened opened && cb instanceof net.dv8tion.jda.api.interactions.callbacks.IModalCallback m) {
            m.replyModal(checkinModal(opened.form())).queue();
        } else if (result instanceof CheckinDesk.Refused refused) {
            replyEphemeral(cb, text(refused.outcome()));
        } else {
            replyEphemeral(cb, "Please use the Check in button or `/checkin`.");
        }
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent e) {
        guarded(e, e, () -> {
            Optional<ComponentIds.Decoded> id = ComponentIds.decode(e.getComponentId());
            if (id.isEmpty()) {
                replyEphemeral(e, "This button is from an older version of the bot and no longer works.");
                return;
            }
            ComponentIds.Decoded d = id.get();
            Actor actor = actor(e);
            switch (d.action()) {
                case CHECKIN_OPEN -> openCheckin(e, desk.open(actor, Optional.of(d.longArg(0)), Optional.of(d.intArg(1))));
                case CHECKIN_SHARE -> replyEphemeral(e, text(desk.share(actor, d.longArg(0),
                        HighlightShare.valueOf(d.arg(1).toUpperCase(Locale.ROOT)))));
                case CHECKIN_CONFIRM -> saved(e, desk.confirm(actor, d.arg(0)));
                case CHECKIN_REVISE -> {
                    Optional<CheckinDesk.Form> form = desk.held(actor, d.arg(0));
                    if (form.isPresent()) {
                        e.replyModal(checkinModal(form.get())).queue();
                    } else {
                        replyEphemeral(e, "That draft has expired. Please press Check in again.");
                    }
                }
                case PROGRESS -> replyEphemeral(e, Card.fit(progress.forManager(actor), Card.CONTENT_MAX));
                default -> replyEphemeral(e, "This button is not available yet.");
            }
        });
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent e) {
        guarded(e, e, () -> {
            Optional<ComponentIds.Decoded> id = ComponentIds.decode(e.getModalId());
            if (id.isEmpty() || id.get().action() != ComponentIds.Action.CHECKIN_MODAL) {
                replyEphemeral(e, "This form is from an older version of the bot; please open it again.");
                return;
            }
            Optional<Rating> rating = Optional.ofNullable(e.getValue("rating"))
                    .flatMap(v -> v.getAsStringList().stream().findFirst()).flatMap(Rating::parse);
            String did = value(e, "did").orElse("");
            if (rating.isEmpty() || did.isBlank()) {
                replyEphemeral(e, "⚠️ Please choose a rating and say what you did this week; nothing was saved.");
                return;
            }
            CheckinAnswers answers = new CheckinAnswers(rating.get(), did.strip(), value(e, "evidence"), value(e, "next"),
                    value(e, "highlight"));
            // The check-in is committed by the use case before this reply acknowledges the interaction.
            saved(e, desk.submit(actor(e), id.get().longArg(0), id.get().intArg(1), answers));
        });
    }

    private static Optional<String> value(ModalInteractionEvent e, String id) {
        return Optional.ofNullable(e.getValue(id)).map(ModalMapping::getAsString).filter(s -> !s.isBlank());
    }

    private static void saved(IReplyCallback cb, CheckinDesk.Result result) {
        if (result instanceof CheckinDesk.Saved s) {
            var reply = cb.reply(Card.fit(s.summary(), Card.CONTENT_MAX)).setEphemeral(true)
                    .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
            if (s.checkin().answers().highlight().isPresent()) {
                long id = s.checkin().id();
                reply = reply.setComponents(ActionRow.of(
                        Button.primary(ComponentIds.encode(ComponentIds.Action.CHECKIN_SHARE, id, "anonymous"), "Share anonymously"),
                        Button.secondary(ComponentIds.encode(ComponentIds.Action.CHECKIN_SHARE, id, "named"), "Share with our name"),
                        Button.secondary(ComponentIds.encode(ComponentIds.Action.CHECKIN_SHARE, id, "none"), "Don't share")));
            }
            reply.queue();
        } else if (result instanceof CheckinDesk.Confirm c) {
            cb.reply(Card.fit(c.message(), Card.CONTENT_MAX)).setEphemeral(true)
                    .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                    .setComponents(ActionRow.of(
                            Button.secondary(ComponentIds.encode(ComponentIds.Action.CHECKIN_REVISE, c.token()), "Edit my answers"),
                            Button.danger(ComponentIds.encode(ComponentIds.Action.CHECKIN_CONFIRM, c.token()), "Save as written")))
                    .queue();
        } else if (result instanceof CheckinDesk.Refused r) {
            replyEphemeral(cb, text(r.outcome()));
        }
    }

}
