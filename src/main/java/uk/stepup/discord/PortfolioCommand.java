package uk.stepup.discord;

import java.util.EnumSet;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.FileUpload;
import uk.stepup.portfolio.PortfolioService;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;

/**
 * {@code /portfolio [home]}: a home's evidence portfolio as an HTML file attached to a reply only the person sees. A
 * home's managers get their own home's (the home may be left out); coaches any home of the cohorts on this server.
 * Who may have which home is decided in {@link PortfolioService#forPerson}, from the ids Discord gives, never from
 * what was typed. The reply is deferred first: building the portfolio and drawing its charts can take longer than
 * Discord's three seconds on a cold start.
 */
public final class PortfolioCommand implements InteractionHandlers.Slash {
    /** Discord's upload limit for a bot's message without server boosts (reference#uploading-files). */
    static final long MAX_FILE_BYTES = ExportCommand.MAX_FILE_BYTES;

    private final PortfolioService portfolios;

    public PortfolioCommand(PortfolioService portfolios) {
        this.portfolios = portfolios;
    }

    @Override
    public SlashCommandData definition() {
        return Commands.slash(
                        "portfolio", "Your home's evidence portfolio and draft PIR answers, as a file only you see")
                .addOptions(
                        new OptionData(OptionType.STRING, "home", "The home (coaches; managers get their own home's)")
                                .setMaxLength(100),
                        frameworks());
    }

    /** The frameworks a portfolio can be read under (the cohort's own when left out), as choices. */
    private OptionData frameworks() {
        OptionData framework = new OptionData(
                OptionType.STRING, "framework", "Read it under another framework (default: the cohort's own)");
        portfolios.frameworks().forEach(f -> framework.addChoice(f, f));
        return framework;
    }

    @Override
    public void handle(SlashCommandInteractionEvent e, Actor actor) {
        Replies.defer(e);
        PortfolioService.Result result = portfolios.forPerson(
                actor,
                Optional.ofNullable(e.getOption("home")).map(OptionMapping::getAsString),
                Optional.ofNullable(e.getOption("framework")).map(OptionMapping::getAsString));
        if (result.file().isEmpty()) {
            Replies.ephemeral(e, result.outcome());
            return;
        }
        PortfolioService.PortfolioFile file = result.file().get();
        if (file.bytes().length > MAX_FILE_BYTES) {
            Replies.ephemeral(
                    e,
                    Outcome.invalid("This portfolio is too large to attach in Discord ("
                            + file.bytes().length / (1024 * 1024)
                            + " MB). Ask whoever runs the bot to write it with the command line: `portfolio --cohort"
                            + " NAME --home NAME --out FILE.html`."));
            return;
        }
        Replies.hook(e)
                .editOriginal(Replies.text(result.outcome()))
                .setFiles(FileUpload.fromData(file.bytes(), file.fileName()))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .queue(null, InteractionErrors.onFailure(e, "the portfolio file"));
    }
}
