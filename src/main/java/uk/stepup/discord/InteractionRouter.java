package uk.stepup.discord;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.exceptions.PermissionException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import uk.stepup.shared.Actor;

/**
 * Routes every slash command, button and modal to the handler that owns it, and catches any unexpected error once:
 * it is logged with a reference and the person gets an ephemeral apology quoting it. Who is a coach is decided
 * here from Discord's member data (coach role or Manage Server) and enforced again inside every use case.
 */
public final class InteractionRouter extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(InteractionRouter.class);

    private final Map<String, InteractionHandlers.Slash> slash = new HashMap<>();
    private final Map<ComponentIds.Action, InteractionHandlers.Buttons> buttons =
            new EnumMap<>(ComponentIds.Action.class);
    private final Map<ComponentIds.Action, InteractionHandlers.Modals> modals =
            new EnumMap<>(ComponentIds.Action.class);
    private final String coachRole;

    public InteractionRouter(
            List<InteractionHandlers.Slash> slashHandlers,
            List<InteractionHandlers.Buttons> buttonHandlers,
            List<InteractionHandlers.Modals> modalHandlers,
            String coachRole) {
        slashHandlers.forEach(h -> put(slash, h.definition().getName(), h));
        buttonHandlers.forEach(h -> h.actions().forEach(a -> put(buttons, a, h)));
        modalHandlers.forEach(h -> h.actions().forEach(a -> put(modals, a, h)));
        this.coachRole = coachRole;
    }

    private static <K, V> void put(Map<K, V> map, K key, V value) {
        if (map.put(key, value) != null) {
            throw new IllegalStateException("Two handlers for " + key);
        }
    }

    /** The slash command definitions to register. */
    public List<SlashCommandData> definitions() {
        return slash.values().stream()
                .map(InteractionHandlers.Slash::definition)
                .sorted(Comparator.comparing(SlashCommandData::getName))
                .toList();
    }

    Actor actor(Interaction e) {
        Member m = e.getMember();
        boolean coach = m != null
                && (m.hasPermission(Permission.MANAGE_SERVER)
                        || m.getRoles().stream().anyMatch(r -> r.getName().equalsIgnoreCase(coachRole)));
        String guild = e.getGuild() == null ? "" : e.getGuild().getId();
        return new Actor(
                e.getUser().getId(),
                m != null ? m.getEffectiveName() : e.getUser().getName(),
                guild,
                coach);
    }

    private interface Work {
        void run() throws Exception;
    }

    private void guarded(Interaction e, IReplyCallback callback, Work work) {
        MDC.put("interaction", e.getId());
        try {
            work.run();
        } catch (Exception ex) {
            if (InteractionErrors.interactionGone(ex)) {
                // A deferral Discord refused as too late: the person saw "This interaction failed"; no answer can reach
                // them.
                InteractionErrors.log(e, "the acknowledgement", ex);
                return;
            }
            if (InteractionErrors.discordSide(ex)) {
                InteractionErrors.log(e, "a request made while answering", ex);
                String sorry = "Discord had a problem while I was answering, so this may not have finished. Please try "
                        + "again in a minute; nothing you entered was lost.";
                apologise(callback, sorry);
                return;
            }
            if (ex instanceof PermissionException) {
                // Something a server admin can fix (a permission, the role order): say what, not "something went
                // wrong".
                LOG.warn("Interaction stopped by Discord's permissions: {}", ex.getMessage());
                apologise(callback, "I could not finish this: " + Refusals.explain(ex));
                return;
            }
            String ref = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Interaction failed (ref {})", ref, ex);
            String sorry = "Sorry, something went wrong on our side (ref " + ref + "). Nothing you entered was lost; "
                    + "please try again in a minute, and tell your coach the reference if it keeps happening.";
            apologise(callback, sorry);
        } finally {
            Replies.handled(e.getId());
            MDC.remove("interaction");
        }
    }

    private static void apologise(IReplyCallback callback, String sorry) {
        if (!callback.isAcknowledged()) {
            callback.reply(sorry)
                    .setEphemeral(true)
                    .queue(ok -> {}, err -> LOG.warn("Apology not delivered: {}", err.getMessage()));
        } else {
            Replies.hook(callback)
                    .sendMessage(sorry)
                    .setEphemeral(true)
                    .queue(ok -> {}, err -> LOG.warn("Apology not delivered: {}", err.getMessage()));
        }
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent e) {
        guarded(e, e, () -> {
            InteractionHandlers.Slash h = slash.get(e.getName());
            if (h == null) {
                Replies.ephemeral(e, "I don't know that command any more. It may have been removed.");
                return;
            }
            h.handle(e, actor(e));
        });
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent e) {
        guarded(e, e, () -> {
            Optional<ComponentIds.Decoded> id = ComponentIds.decode(e.getComponentId());
            InteractionHandlers.Buttons h = id.map(d -> buttons.get(d.action())).orElse(null);
            if (h == null) {
                Replies.ephemeral(e, "This button is from an older version of the bot and no longer works.");
                return;
            }
            h.handle(e, id.get(), actor(e));
        });
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent e) {
        guarded(e, e, () -> {
            Optional<ComponentIds.Decoded> id = ComponentIds.decode(e.getModalId());
            InteractionHandlers.Modals h = id.map(d -> modals.get(d.action())).orElse(null);
            if (h == null) {
                Replies.ephemeral(e, "This form is from an older version of the bot; please open it again.");
                return;
            }
            h.handle(e, id.get(), actor(e));
        });
    }
}
