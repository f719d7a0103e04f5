package uk.stepup.discord;

import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import uk.stepup.improvement.Aim;
import uk.stepup.improvement.AimService;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;

/**
 * {@code /aim set|clear}: a home's aim for one of the cohort's measures (from, to, by when, in its own words); the
 * aim is the target line on the home's chart. Managers act for their own home; coaches name a home of their cohorts.
 * Replies are private. The rules are in {@link AimService}.
 */
public final class AimCommand implements InteractionHandlers.Slash {
    /** Longest home or measure name typed: ample for the names the bot accepts. */
    static final int NAME_MAX = 100;

    private final AimService aims;

    public AimCommand(AimService aims) {
        this.aims = aims;
    }

    @Override
    public SlashCommandData definition() {
        OptionData measure = new OptionData(OptionType.STRING, "measure", "The measure's name or number", true)
                .setMaxLength(NAME_MAX);
        OptionData home = new OptionData(OptionType.STRING, "home", "Coaches: the home (managers: leave out)")
                .setMaxLength(NAME_MAX);
        return Commands.slash("aim", "Your home's aim for a measure: the target line on your chart")
                .addSubcommands(
                        new SubcommandData("set", "Set your home's aim for a measure (replaces an earlier one)")
                                .addOptions(
                                        measure,
                                        new OptionData(OptionType.NUMBER, "from", "Where it is now, e.g. 9", true),
                                        new OptionData(OptionType.NUMBER, "to", "Where you aim to get, e.g. 5", true),
                                        new OptionData(
                                                        OptionType.STRING,
                                                        "by",
                                                        "By when: 2027-06-30, 30/06/2027 or June 2027",
                                                        true)
                                                .setMaxLength(30),
                                        new OptionData(
                                                        OptionType.STRING,
                                                        "words",
                                                        "The aim in your words (optional), e.g. fewer falls at night")
                                                .setMaxLength(Aim.WORDS_MAX),
                                        home),
                        new SubcommandData("clear", "Remove your home's aim for a measure").addOptions(measure, home));
    }

    private static Optional<String> opt(SlashCommandInteractionEvent e, String name) {
        OptionMapping o = e.getOption(name);
        return o == null ? Optional.empty() : Optional.of(o.getAsString());
    }

    private static double number(SlashCommandInteractionEvent e, String name) {
        OptionMapping o = e.getOption(name);
        return o == null ? Double.NaN : o.getAsDouble();
    }

    @Override
    public void handle(SlashCommandInteractionEvent e, Actor actor) {
        String sub = String.valueOf(e.getSubcommandName());
        switch (sub) {
            case "set" ->
                Replies.ephemeral(
                        e,
                        aims.set(
                                actor,
                                new AimService.Request(
                                        opt(e, "home"),
                                        opt(e, "measure").orElse(""),
                                        number(e, "from"),
                                        number(e, "to"),
                                        opt(e, "by").orElse(""),
                                        opt(e, "words"))));
            case "clear" ->
                Replies.ephemeral(
                        e, aims.clear(actor, opt(e, "home"), opt(e, "measure").orElse("")));
            default -> Replies.ephemeral(e, Outcome.invalid("Unknown aim action."));
        }
    }
}
