package uk.stepup.discord;

import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import uk.stepup.cohorts.CohortService;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.tasks.BroadcastService;

/** {@code /broadcast message [cohort]}: a coach's message to one cohort's #announcements, or to all ({@code cohort: all}). */
public final class BroadcastCommand implements InteractionHandlers.Slash {
    /** The cohort option's value that means every running cohort on the server. */
    static final String ALL = "all";

    private final BroadcastService broadcasts;
    private final CohortService admin;

    public BroadcastCommand(BroadcastService broadcasts, CohortService admin) {
        this.broadcasts = broadcasts;
        this.admin = admin;
    }

    @Override
    public SlashCommandData definition() {
        return Commands.slash("broadcast", "Post a message to a cohort's #announcements, or to all cohorts (coaches)")
                .addOptions(
                        new OptionData(OptionType.STRING, "message", "What to say; it pings nobody", true)
                                .setMaxLength(BroadcastService.MESSAGE_MAX),
                        new OptionData(
                                        OptionType.STRING,
                                        "cohort",
                                        "Cohort name, or \"all\" for every running cohort (default: this channel's cohort, or the only one)")
                                .setMaxLength(60));
    }

    @Override
    public void handle(SlashCommandInteractionEvent e, Actor actor) {
        if (!actor.coach()) {
            Replies.ephemeral(e, Outcome.refused(Outcome.COACHES_ONLY));
            return;
        }
        // Posting to several cohorts can take longer than Discord's three seconds.
        Replies.defer(e);
        String message = CohortCommand.opt(e, "message").orElse("");
        Optional<String> cohort = CohortCommand.opt(e, "cohort").map(String::strip);
        if (cohort.isPresent() && cohort.get().toLowerCase(Locale.ROOT).equals(ALL)) {
            Replies.ephemeral(e, broadcasts.toAll(actor, message));
            return;
        }
        CohortCommand.cohortFor(admin, e, actor)
                .ifPresent(c -> Replies.ephemeral(e, broadcasts.toCohort(actor, c, message)));
    }
}
