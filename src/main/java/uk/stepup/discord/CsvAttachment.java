package uk.stepup.discord;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.stepup.cohorts.CsvText;
import uk.stepup.shared.Outcome;

/**
 * The CSV file attached to an import command ({@code /cohort import}, {@code /measure import}): checked, downloaded
 * and decoded, then handed to the use case; every problem with the file itself is a friendly answer.
 */
final class CsvAttachment {
    private static final Logger LOG = LoggerFactory.getLogger(CsvAttachment.class);
    static final long MAX_BYTES = 1_000_000;

    private CsvAttachment() {}

    /** The {@code file} option's text given to {@code importer}, or what is wrong with the file. */
    static Outcome importWith(SlashCommandInteractionEvent e, String what, Function<String, Outcome> importer)
            throws InterruptedException {
        Message.Attachment file = Optional.ofNullable(e.getOption("file"))
                .map(OptionMapping::getAsAttachment)
                .orElse(null);
        if (file == null) {
            return Outcome.invalid("Attach the CSV file to the command.");
        }
        if (file.getSize() > MAX_BYTES) {
            return Outcome.invalid(
                    "That file is " + file.getSize() / 1000 + " kB; the import takes CSV files up to 1 MB.");
        }
        String name = file.getFileName().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".csv") && !name.endsWith(".txt")) {
            return Outcome.invalid("Attach a .csv file (save the spreadsheet as CSV UTF-8).");
        }
        String text;
        try (InputStream in = file.getProxy().download().get(20, TimeUnit.SECONDS)) {
            text = CsvText.decode(in.readNBytes((int) MAX_BYTES + 1));
        } catch (ExecutionException | TimeoutException | IOException ex) {
            LOG.warn("Could not download the {} file: {}", what, ex.getMessage());
            return Outcome.invalid("I could not download the file from Discord; please try again.");
        }
        return importer.apply(text);
    }
}
