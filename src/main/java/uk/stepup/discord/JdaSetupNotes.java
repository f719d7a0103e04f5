package uk.stepup.discord;

import java.util.EnumSet;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.SetupNotes;

/**
 * A set-up job's notes and report as ordinary messages in the cohort's {@code #coaches} channel: not through the
 * interaction, whose token dies after 15 minutes. Nothing pings anyone but the one user a report may mention.
 */
public final class JdaSetupNotes implements SetupNotes {
    private static final Logger LOG = LoggerFactory.getLogger(JdaSetupNotes.class);

    private final JDA jda;
    private final RequestPacer pacer;

    public JdaSetupNotes(JDA jda, RequestPacer pacer) {
        this.jda = jda;
        this.pacer = pacer;
    }

    @Override
    public boolean post(Cohort cohort, String text, Optional<String> mention) {
        Optional<TextChannel> coaches = cohort.channels()
                .categoryId()
                .flatMap(id -> Guilds.await(jda, cohort.guildId()).map(g -> g.getCategoryById(id)))
                .flatMap(c -> c.getTextChannels().stream()
                        .filter(ch -> ch.getName().equals(JdaCohortSpaces.COACHES_CHANNEL))
                        .findFirst());
        if (coaches.isEmpty()) {
            LOG.warn("No coaches channel for cohort {}; set-up note not delivered", cohort.id());
            return false;
        }
        MessageCreateAction send = coaches.get()
                .sendMessage(EmbedCard.fit(text, EmbedCard.CONTENT_MAX))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
        if (mention.isPresent()) {
            send = send.mentionUsers(mention.get());
        }
        pacer.acquire();
        try {
            send.complete();
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Could not post a set-up note for cohort {}: {}", cohort.id(), e.getMessage());
            return false;
        }
    }
}
