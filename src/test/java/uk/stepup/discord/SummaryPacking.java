package uk.stepup.discord;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import uk.stepup.cohorts.Cohort;
import uk.stepup.summaries.ChartRenderer;
import uk.stepup.summaries.WeeklySummary;

/**
 * For the benchmarks in another package: a weekly summary's messages built exactly as {@link JdaProgrammePublisher}
 * builds them before its first request (heatmap drawn, card packed), without posting, and what they add up to.
 */
public final class SummaryPacking {
    private SummaryPacking() {}

    /**
     * What a summary post sends.
     *
     * @param channelMessages messages in {@code #peer-learning}; the week's thread gets the same again
     * @param embedCharacters the characters Discord counts in the embeds of one copy
     * @param files           the attachments of one copy, name and size in bytes
     * @param largestFile     the largest attachment, in bytes
     */
    public record Packed(
            int channelMessages,
            int threadMessages,
            int embeds,
            int embedCharacters,
            int maxEmbedsInMessage,
            int maxFilesInMessage,
            List<String> files,
            long largestFile,
            long fileBytes) {}

    public static Packed pack(ChartRenderer charts, Cohort cohort, WeeklySummary summary) {
        List<MessageCreateData> channel = JdaProgrammePublisher.summaryMessages(charts, cohort, summary, true);
        List<MessageCreateData> thread = JdaProgrammePublisher.summaryMessages(charts, cohort, summary, false);
        int embeds = 0;
        int characters = 0;
        int maxEmbeds = 0;
        int maxFiles = 0;
        List<String> files = new ArrayList<>();
        long largest = 0;
        long bytes = 0;
        for (MessageCreateData d : channel) {
            embeds += d.getEmbeds().size();
            maxEmbeds = Math.max(maxEmbeds, d.getEmbeds().size());
            maxFiles = Math.max(maxFiles, d.getFiles().size());
            for (MessageEmbed e : d.getEmbeds()) {
                characters += e.getLength();
            }
            for (FileUpload f : d.getFiles()) {
                long n = size(f);
                files.add(f.getName() + " " + n);
                largest = Math.max(largest, n);
                bytes += n;
            }
        }
        return new Packed(
                channel.size(), thread.size(), embeds, characters, maxEmbeds, maxFiles, files, largest, bytes);
    }

    private static long size(FileUpload f) {
        try (InputStream in = f.getData()) {
            return in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
