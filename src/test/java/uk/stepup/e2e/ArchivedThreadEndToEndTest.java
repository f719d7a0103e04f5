package uk.stepup.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.ProgrammeCalendar;
import uk.stepup.deliveries.DeliveryLedger;
import uk.stepup.sandbox.PermissionOverwrite;
import uk.stepup.sandbox.Permissions;
import uk.stepup.sandbox.SandboxAttachment;
import uk.stepup.sandbox.SandboxChannel;
import uk.stepup.sandbox.SandboxMessage;

/**
 * A fault-suite case Discord causes by itself: the week's thread archives when it has been quiet for its auto-archive
 * time, JDA drops it from its cache, and after a restart it is not in GUILD_CREATE either. The summary's copy must
 * still reach the thread exactly once (through REST, which unarchives it); a thread that was deleted, or that a
 * moderator locked, gets no copy, the coaches are told once, and it is never tried again.
 */
class ArchivedThreadEndToEndTest {
    static final Duration WAIT = Duration.ofSeconds(15);
    static final Instant CREATED = Instant.parse("2027-02-24T10:00:00Z");

    @RegisterExtension
    final EndToEnd e2e = EndToEnd.startingAt(CREATED).withoutRuleCheck();

    BotHarness h;
    Cohort cohort;
    ProgrammeCalendar cal;

    @BeforeEach
    void start() throws Exception {
        h = e2e.harness();
        h.sandbox
                .as(h.coach, h.guild)
                .slash("cohort create", Map.of("name", "Archive", "start", "2027-03-01"), h.general)
                .awaitReply(WAIT);
        String csv = "home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led\n" + "Oak House,,"
                + h.alice.id() + ",,,,,,\n";
        h.sandbox
                .as(h.coach, h.guild)
                .slash(
                        "cohort import",
                        Map.of(
                                "file",
                                SandboxAttachment.of("homes.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))),
                        h.general)
                .awaitReply(WAIT);
        h.setupReport("Archive");
        // The import's own notes and report come before anything this test looks at.
        channel("coaches").messages().forEach(m -> setUpNotes.add(m.id()));
        cohort = h.bot.cohorts.byName(h.guild.id(), "Archive").orElseThrow();
        cal = h.bot.programme.calendar(cohort);
    }

    private SandboxChannel channel(String name) {
        return h.guild.channelByName("SUO · Archive", name).orElseThrow();
    }

    /** Week 1's prompt, posted with its thread, and its reminder; the thread. */
    private SandboxChannel weekOneThread() {
        h.at(cal.promptAt(1).orElseThrow());
        h.at(cal.reminderAt(1).orElseThrow());
        SandboxMessage prompt = channel("this-week").messages().stream()
                .filter(m -> m.threadId().isPresent())
                .findFirst()
                .orElseThrow();
        SandboxChannel thread = h.sandbox.channel(prompt.threadId().get()).orElseThrow();
        assertThat(thread.autoArchiveMinutes())
                .as("the longest auto-archive time")
                .isEqualTo(10080);
        return thread;
    }

    private static List<SandboxMessage> summaries(SandboxChannel c, int week) {
        return c.messages().stream()
                .filter(m -> m.isFromBot() && !m.isSystem())
                .filter(m -> m.embeds().stream().anyMatch(e -> e.title().startsWith("Week " + week + " summary")))
                .toList();
    }

    private Optional<DeliveryLedger.Entry> copyEntry(int week) {
        return h.bot.ledger.forCohortWeek(cohort.id(), week).stream()
                .filter(e -> e.key().kind() == DeliveryLedger.Kind.SUMMARY
                        && e.key().target().equals("thread"))
                .findFirst();
    }

    /** Ids of the import's notes in #coaches, made while setting up. */
    private final Set<String> setUpNotes = new HashSet<>();

    private List<String> notesToCoaches() {
        return channel("coaches").messages().stream()
                .filter(SandboxMessage::isFromBot)
                .filter(m -> !setUpNotes.contains(m.id()))
                .map(SandboxMessage::content)
                .toList();
    }

    @Test
    void the_summary_reaches_the_weeks_thread_once_after_it_archived_while_the_bot_was_down() throws Exception {
        SandboxChannel thread = weekOneThread();
        h.at(cal.closeAt(1).orElseThrow());
        h.stop();
        // The bot is down over the summary's time (Monday 08:00); an hour later, a week after it was made, the
        // quiet thread archives.
        Instant summaryAt = cal.summaryAt(1).orElseThrow();
        h.clock.set(summaryAt.plus(Duration.ofMinutes(90)));
        assertThat(thread.isArchived()).isTrue();

        h.sandbox.resetStats();
        h.start();
        h.at(h.clock.instant());
        // Not in GUILD_CREATE, so not in JDA's cache: the bot found it on the prompt it was started on.
        assertThat(h.sandbox.stats().requests("GET channels/{channel_id}/messages/{message_id}"))
                .isPositive();

        List<SandboxMessage> copies = summaries(thread, 1);
        assertThat(copies).as("the summary in the week's thread").hasSize(1);
        assertThat(summaries(channel("peer-learning"), 1)).hasSize(1);
        assertThat(copyEntry(1)).get().satisfies(e -> {
            assertThat(e.status()).isEqualTo(DeliveryLedger.Status.SENT);
            assertThat(e.messageId()).contains(copies.get(0).id());
        });
        assertThat(thread.isArchived()).as("posting unarchived it").isFalse();
        h.sandbox.await(WAIT, () -> h.bot.jda.getThreadChannelById(thread.id()) != null);

        // Later ticks, and another restart, post nothing more.
        h.at(h.clock.instant().plus(Duration.ofMinutes(5)));
        h.stop();
        h.start();
        h.at(h.clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(summaries(thread, 1)).hasSize(1);
        assertThat(summaries(channel("peer-learning"), 1)).hasSize(1);
        assertThat(notesToCoaches()).noneMatch(n -> n.contains("did not post"));
        assertThat(h.sandbox.violations()).isEmpty();
    }

    @Test
    void the_summary_reaches_a_thread_a_moderator_archived_even_after_its_prompt_was_deleted() throws Exception {
        SandboxChannel thread = weekOneThread();
        h.sandbox.as(h.alice, h.guild).say(thread, "We are starting with the falls log.");
        h.at(cal.closeAt(1).orElseThrow());
        SandboxMessage prompt = h.sandbox.message(thread.id()).orElseThrow();
        h.guild.archiveThread(thread, false);
        h.guild.deleteMessage(prompt);
        h.stop();
        h.sandbox.resetStats();
        h.start();

        h.at(cal.summaryAt(1).orElseThrow());
        // Found among #this-week's archived threads, since the message it was started on is gone.
        assertThat(h.sandbox.stats().requests("GET channels/{channel_id}/threads/archived/public"))
                .isPositive();
        assertThat(summaries(thread, 1)).hasSize(1);
        assertThat(copyEntry(1)).get().extracting(DeliveryLedger.Entry::status).isEqualTo(DeliveryLedger.Status.SENT);
        assertThat(thread.isArchived()).isFalse();
        assertThat(h.sandbox.violations()).isEmpty();
    }

    @Test
    void a_deleted_thread_gets_no_copy_the_coaches_are_told_once_and_it_is_not_tried_again() throws Exception {
        SandboxChannel thread = weekOneThread();
        h.at(cal.closeAt(1).orElseThrow());
        h.guild.deleteChannel(thread);
        h.stop();
        h.start();

        Instant summaryAt = cal.summaryAt(1).orElseThrow();
        h.at(summaryAt);
        assertThat(summaries(channel("peer-learning"), 1)).hasSize(1);
        assertThat(copyEntry(1))
                .get()
                .extracting(DeliveryLedger.Entry::status)
                .isEqualTo(DeliveryLedger.Status.SKIPPED);
        h.sandbox.await(WAIT, () -> !notesToCoaches().isEmpty());
        h.at(summaryAt.plus(Duration.ofMinutes(1)));
        h.at(summaryAt.plus(Duration.ofHours(1)));
        Thread.sleep(300); // a second note would be on its way by now
        assertThat(notesToCoaches())
                .singleElement()
                .asString()
                .isEqualTo(
                        "I did not post the week 1 summary in its thread: the week's thread was deleted, so the summary"
                                + " is only in #peer-learning.");
        assertThat(h.sandbox.violations()).isEmpty();
    }

    @Test
    void a_thread_a_moderator_locked_gets_no_copy_and_the_coaches_are_told_why() throws Exception {
        SandboxChannel thread = weekOneThread();
        h.at(cal.closeAt(1).orElseThrow());
        // A bot without Manage Threads in #this-week (the README does not ask for it) cannot post in a locked thread.
        SandboxChannel thisWeek = channel("this-week");
        String botId = h.sandbox.botUser().id();
        PermissionOverwrite was = thisWeek.overwriteFor(botId).orElse(new PermissionOverwrite(botId, 1, 0, 0));
        h.guild.putOverwrite(
                thisWeek,
                new PermissionOverwrite(
                        botId, 1, was.allow() & ~Permissions.MANAGE_THREADS, was.deny() | Permissions.MANAGE_THREADS));
        h.guild.archiveThread(thread, true);
        h.stop();
        h.start();

        Instant summaryAt = cal.summaryAt(1).orElseThrow();
        h.at(summaryAt);
        assertThat(summaries(channel("peer-learning"), 1)).hasSize(1);
        assertThat(summaries(thread, 1)).isEmpty();
        assertThat(copyEntry(1))
                .get()
                .extracting(DeliveryLedger.Entry::status)
                .isEqualTo(DeliveryLedger.Status.SKIPPED);
        h.sandbox.await(WAIT, () -> !notesToCoaches().isEmpty());
        h.at(summaryAt.plus(Duration.ofMinutes(1)));
        assertThat(notesToCoaches())
                .singleElement()
                .asString()
                .isEqualTo("I did not post the week 1 summary in its"
                        + " thread: a moderator locked the week's thread, so the summary is only in #peer-learning.");
        assertThat(thread.isArchived()).isTrue();
        assertThat(h.sandbox.violations())
                .as("the bot saw the lock and did not try")
                .isEmpty();
    }
}
