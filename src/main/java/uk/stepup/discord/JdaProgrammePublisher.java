package uk.stepup.discord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.exceptions.PermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.TimeFormat;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.Home;
import uk.stepup.curriculum.CurriculumItem;
import uk.stepup.deliveries.DeliveryLedger;
import uk.stepup.improvement.PdsaCycle;
import uk.stepup.measures.ChartImage;
import uk.stepup.measures.CohortMeasures;
import uk.stepup.measures.SmallCounts;
import uk.stepup.shared.CohortId;
import uk.stepup.shared.Rating;
import uk.stepup.summaries.ChartRenderer;
import uk.stepup.summaries.WeeklySummary;
import uk.stepup.weekly.ProgrammePublisher;

/**
 * Posts the programme's scheduled messages with JDA. Nothing here pings anyone except a reminder's own managers.
 * Every post waits for its slot under {@link RequestPacer#PER_SECOND}, so callers may post from several threads at once.
 */
public final class JdaProgrammePublisher implements ProgrammePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(JdaProgrammePublisher.class);
    static final int PROMPT_COLOUR = 0x2B6CB0;
    static final int SUMMARY_COLOUR = 0x2F855A;
    private final JDA jda;
    private final DeliveryLedger ledger;
    private final ChartRenderer charts;
    private final RequestPacer pacer;

    public JdaProgrammePublisher(JDA jda, DeliveryLedger ledger, ChartRenderer charts, RequestPacer pacer) {
        this.jda = jda;
        this.pacer = pacer;
        this.ledger = ledger;
        this.charts = charts;
    }

    /** The Check in button, carrying the delivery it belongs to so a post can be recognised after a crash. */
    static Button checkinButton(CohortId cohortId, int week, String origin, String label) {
        return Button.primary(ComponentIds.encode(ComponentIds.Action.CHECKIN_OPEN, cohortId, week, origin), label);
    }

    static String origin(DeliveryLedger.Key key) {
        return switch (key.kind()) {
            case PROMPT -> "p";
            case REMINDER -> "r" + key.target().replace("home-", "");
            default -> "x";
        };
    }

    /** The prompt as a card: why it matters, questions, what Outstanding looks like, evidence, this week's action. */
    static EmbedCard promptCard(int week, CurriculumItem item, Instant deadline) {
        List<EmbedCard.Field> fields = List.of(
                new EmbedCard.Field("Reflective questions", bullets(item.reflectiveQuestions()), false),
                new EmbedCard.Field("What Outstanding looks like", bullets(item.outstandingLooksLike()), false),
                new EmbedCard.Field("Evidence ideas", bullets(item.evidenceIdeas()), false),
                new EmbedCard.Field("This week's action", item.weeklyAction(), false),
                new EmbedCard.Field(
                        "Check in by",
                        Markdown.time(deadline, TimeFormat.DATE_TIME_LONG)
                                + ". It takes about two minutes: press **Check in**.",
                        false));
        return new EmbedCard(
                "Week " + week + " · " + item.code() + " " + item.title(),
                item.whyItMatters(),
                fields,
                Optional.of(item.keyQuestion().label() + " · " + item.framework()),
                PROMPT_COLOUR);
    }

    private static String bullets(List<String> items) {
        StringBuilder s = new StringBuilder();
        for (String i : items) {
            s.append("• ").append(i).append('\n');
        }
        return s.toString().strip();
    }

    static MessageEmbed embed(EmbedCard card) {
        EmbedBuilder b = new EmbedBuilder().setTitle(card.title()).setColor(card.colour());
        if (!card.description().isEmpty()) {
            b.setDescription(card.description());
        }
        card.fields().forEach(f -> b.addField(f.name(), f.value(), f.inline()));
        card.footer().ifPresent(b::setFooter);
        return b.build();
    }

    /** Messages for a card (split to fit), the last one carrying the buttons. */
    static List<MessageCreateData> messages(EmbedCard card, List<Button> buttons) {
        return messages(card, buttons, Optional.empty(), Optional.empty());
    }

    /**
     * As above, with an image shown in the first embed (attached to the first message) and a further chart attached
     * to the last message. Build them for each send: a file is read once.
     */
    static List<MessageCreateData> messages(
            EmbedCard card, List<Button> buttons, Optional<FileUpload> image, Optional<ChartImage> chart) {
        List<List<EmbedCard>> packed = card.pack();
        List<MessageCreateData> out = new ArrayList<>();
        for (int i = 0; i < packed.size(); i++) {
            MessageCreateBuilder m =
                    new MessageCreateBuilder().setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
            List<EmbedCard> cards = packed.get(i);
            for (int j = 0; j < cards.size(); j++) {
                MessageEmbed e = embed(cards.get(j));
                if (i == 0 && j == 0 && image.isPresent()) {
                    e = new EmbedBuilder(e)
                            .setImage("attachment://" + image.get().getName())
                            .build();
                    m.addFiles(image.get());
                }
                m.addEmbeds(e);
            }
            if (i == packed.size() - 1 && !buttons.isEmpty()) {
                m.addComponents(ActionRow.of(buttons));
            }
            if (i == packed.size() - 1) {
                chart.ifPresent(c -> m.addFiles(FileUpload.fromData(c.png(), c.filename())));
            }
            out.add(m.build());
        }
        return out;
    }

    @Override
    public Posted postPrompt(Cohort cohort, int week, CurriculumItem item, Instant deadline, DeliveryLedger.Key key) {
        Optional<TextChannel> channel = text(cohort, cohort.channels().thisWeekId());
        if (channel.isEmpty()) {
            return missing(cohort, "#this-week is missing.");
        }
        try {
            List<MessageCreateData> messages = messages(
                    promptCard(week, item, deadline),
                    List.of(checkinButton(new CohortId(cohort.id()), week, origin(key), "Check in")));
            Message last = null;
            for (MessageCreateData m : messages) {
                pacer.acquire();
                last = channel.get().sendMessage(m).complete();
            }
            return new Sent(last.getId());
        } catch (ErrorResponseException | InsufficientPermissionException e) {
            return failed("the prompt", e);
        }
    }

    @Override
    public Posted postThread(
            Cohort cohort, int week, CurriculumItem item, String promptMessageId, DeliveryLedger.Key key) {
        Optional<TextChannel> channel = text(cohort, cohort.channels().thisWeekId());
        if (channel.isEmpty()) {
            return missing(cohort, "#this-week is missing.");
        }
        try {
            pacer.acquire();
            // The longest auto-archive time: the summary comes 167 hours after the prompt, and a thread archived
            // earlier is out of JDA's cache (postSummaryInThread still reaches it, through REST).
            return new Sent(channel.get()
                    .createThreadChannel(
                            EmbedCard.fit("Week " + week + " · " + item.code() + " " + item.title(), 100),
                            promptMessageId)
                    .setAutoArchiveDuration(ThreadChannel.AutoArchiveDuration.TIME_1_WEEK)
                    .complete()
                    .getId());
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() == ErrorResponse.THREAD_WITH_THIS_MESSAGE_ALREADY_EXISTS) {
                // JDA retried after a 5xx, but the first try had made the thread: it is there.
                Optional<String> made = findThread(cohort, promptMessageId);
                if (made.isPresent()) {
                    return new Sent(made.get());
                }
            }
            return failed("the week's thread", e);
        } catch (InsufficientPermissionException e) {
            return failed("the week's thread", e);
        }
    }

    @Override
    public Optional<String> findThread(Cohort cohort, String promptMessageId) {
        Optional<ThreadChannel> cached = guild(cohort).map(g -> g.getThreadChannelById(promptMessageId));
        if (cached.isPresent()) {
            return cached.map(ThreadChannel::getId);
        }
        Optional<TextChannel> channel = text(cohort, cohort.channels().thisWeekId());
        try {
            return channel.map(c ->
                            c.retrieveMessageById(promptMessageId).complete().getStartedThread())
                    .map(ThreadChannel::getId);
        } catch (ErrorResponseException e) {
            return Optional.empty();
        }
    }

    @Override
    public Posted postReminder(
            Cohort cohort, Home home, int week, CurriculumItem item, Instant deadline, DeliveryLedger.Key key) {
        Optional<TextChannel> channel = text(cohort, home.channelId());
        if (channel.isEmpty()) {
            return missing(cohort, home.name() + "'s channel is missing.");
        }
        String text = Markdown.users(home.managerIds()) + "a gentle reminder: your week " + week
                + " check-in on **" + item.code() + " " + item.title() + "** closes "
                + Markdown.time(deadline, TimeFormat.DATE_TIME_LONG)
                + ". It takes about two minutes: press **Check in now**.";
        MessageCreateData message = new MessageCreateBuilder()
                .setContent(EmbedCard.fit(text, EmbedCard.CONTENT_MAX))
                .setAllowedMentions(EnumSet.of(Message.MentionType.USER))
                .mentionUsers(home.managerIds())
                .addComponents(
                        ActionRow.of(checkinButton(new CohortId(cohort.id()), week, origin(key), "Check in now")))
                .build();
        try {
            pacer.acquire();
            return new Sent(channel.get().sendMessage(message).complete().getId());
        } catch (ErrorResponseException | InsufficientPermissionException e) {
            return failed("a reminder", e);
        }
    }

    @Override
    public Posted postCycleReminder(Cohort cohort, Home home, PdsaCycle cycle, DeliveryLedger.Key key) {
        Optional<TextChannel> channel = text(cohort, home.channelId());
        if (channel.isEmpty()) {
            return missing(cohort, home.name() + "'s channel is missing.");
        }
        MessageCreateData message = new MessageCreateBuilder()
                .setContent(PdsaMessages.reminder(cycle))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .build();
        try {
            pacer.acquire();
            return new Sent(channel.get().sendMessage(message).complete().getId());
        } catch (ErrorResponseException | InsufficientPermissionException e) {
            return failed("a cycle's Study reminder", e);
        }
    }

    @Override
    public Optional<String> findCycleReminder(Cohort cohort, Home home, PdsaCycle cycle, DeliveryLedger.Key key) {
        String text = PdsaMessages.reminder(cycle);
        return text(cohort, home.channelId())
                .flatMap(channel -> findRecent(channel, m -> text.equals(m.getContentRaw())));
    }

    /** The summary as a card (split by {@link EmbedCard#pack} when long). */
    static EmbedCard summaryCard(WeeklySummary s) {
        List<EmbedCard.Field> fields = new ArrayList<>();
        StringBuilder spread = new StringBuilder();
        for (Rating r : List.of(Rating.OUTSTANDING, Rating.GOOD, Rating.REQUIRES_IMPROVEMENT, Rating.INADEQUATE)) {
            int n = s.spread().getOrDefault(r, 0);
            spread.append(r.label())
                    .append(": ")
                    .append(n == 0 ? "–" : "▇".repeat(Math.min(n, 20)) + " " + n)
                    .append('\n');
        }
        if (s.onTime() + s.late() > 0) {
            fields.add(new EmbedCard.Field(
                    "How homes rated themselves on " + s.code(),
                    spread.toString().strip(),
                    false));
        }
        if (s.highlights().isEmpty()) {
            fields.add(new EmbedCard.Field("Shared highlights", "No highlights shared this week.", false));
        }
        int i = 1;
        for (WeeklySummary.SharedHighlight h : s.highlights()) {
            fields.add(new EmbedCard.Field(
                    "Highlight " + i++ + " · " + h.homeName().orElse("a home in the cohort"),
                    Mentions.neutralise(h.text()),
                    false));
        }
        if (s.moreHighlights() > 0) {
            fields.add(new EmbedCard.Field(
                    "More highlights",
                    String.format(
                            Locale.UK,
                            "%,d more %s shared a highlight this"
                                    + " week. These %d were picked at random; your coach can see every one.",
                            s.moreHighlights(),
                            s.moreHighlights() == 1 ? "home" : "homes",
                            s.highlights().size()),
                    false));
        }
        s.measures()
                .ifPresent(m -> fields.add(new EmbedCard.Field(
                        "Cohort measures",
                        Mentions.neutralise(m.lines().stream()
                                        .map(l -> "**" + l.measure() + "**" + l.details())
                                        .collect(Collectors.joining("\n")))
                                + (m.chart().isEmpty()
                                        ? ""
                                        : "\nCharts attached: grey is common cause, blue improvement, orange concern. "
                                                + SmallCounts.LABEL + " marks a count of 1 to 4, not shown."),
                        false)));
        s.tasks()
                .ifPresent(t -> fields.add(new EmbedCard.Field(
                        "Tasks",
                        t.done() + " of " + (t.done() + t.overdue() + t.pending()) + " done across " + t.tasks()
                                + (t.tasks() == 1 ? " task" : " tasks")
                                + (t.overdue() > 0 ? "; " + t.overdue() + " overdue" : "")
                                + (t.pending() > 0 ? "; " + t.pending() + " still open" : "")
                                + ". `/task list` shows your home's.",
                        false)));
        s.changes().ifPresent(c -> {
            if (!c.testing().isEmpty()) {
                fields.add(
                        new EmbedCard.Field("Changes being tested", changeLines(c.testing(), c.moreTesting()), false));
            }
            if (!c.adopted().isEmpty()) {
                fields.add(new EmbedCard.Field("Adopted changes", changeLines(c.adopted(), c.moreAdopted()), false));
            }
        });
        fields.add(new EmbedCard.Field(
                s.lastWeek() ? "That was the last week" : "Next week",
                s.nextCode()
                        .map(c -> "**" + c + " " + s.nextTitle().orElse("") + "**: the prompt arrives in #this-week.")
                        .orElse("Thank you all. Your coach will share the outcome report."),
                false));
        String participation = (s.onTime() + s.late()) + " of " + s.homes() + " homes checked in"
                + " (" + s.onTime() + " on time, " + s.late() + " late)"
                + (s.missing() > 0 ? "; " + s.missing() + " still to hear from." : ".");
        return new EmbedCard(
                "Week " + s.week() + " summary · " + s.code() + " " + s.title(),
                participation,
                fields,
                Optional.of(s.cohortName() + " · highlights are shared anonymously unless a home chose otherwise"),
                SUMMARY_COLOUR);
    }

    /** A line per shared PDSA change: its idea, its measure, and the home only if it chose to be named. */
    static String changeLines(List<WeeklySummary.SharedChange> changes, int more) {
        StringBuilder out = new StringBuilder();
        for (WeeklySummary.SharedChange c : changes) {
            out.append("• **")
                    .append(Mentions.neutralise(EmbedCard.shorten(c.idea(), 150)))
                    .append("**")
                    .append(c.measure().map(m -> " · " + Mentions.neutralise(m)).orElse(""))
                    .append(" · ")
                    .append(Mentions.neutralise(c.homeName().orElse("a home in the cohort")))
                    .append('\n');
        }
        if (more > 0) {
            out.append("…and ").append(more).append(" more.");
        }
        return EmbedCard.fit(out.toString().strip(), EmbedCard.FIELD_VALUE_MAX);
    }

    /** A summary's messages for {@code #peer-learning} (with the My progress button) and for the week's thread. */
    @Override
    public Posted postSummary(Cohort cohort, WeeklySummary summary, DeliveryLedger.Key key) {
        Optional<TextChannel> channel = text(cohort, cohort.channels().peerLearningId());
        if (channel.isEmpty()) {
            return missing(cohort, "#peer-learning is missing.");
        }
        List<MessageCreateData> messages = summaryMessages(cohort, summary, true);
        try {
            String first = null;
            for (MessageCreateData m : messages) {
                pacer.acquire();
                String id = channel.get().sendMessage(m).complete().getId();
                first = first == null ? id : first;
            }
            return new Sent(first);
        } catch (ErrorResponseException | InsufficientPermissionException e) {
            return failed("the summary", e);
        }
    }

    @Override
    public Posted postSummaryInThread(Cohort cohort, WeeklySummary summary, String threadId, DeliveryLedger.Key key) {
        Optional<Guild> guild = guild(cohort);
        if (guild.isEmpty()) {
            return missing(cohort, "the bot is not on the cohort's server.");
        }
        Optional<ThreadChannel> thread;
        try {
            thread = weekThread(cohort, guild.get(), threadId);
        } catch (ErrorResponseException | InsufficientPermissionException e) {
            return failed("the summary in the week's thread", e);
        }
        if (thread.isEmpty()) {
            return Guilds.connected(jda)
                    ? new Skipped(THREAD_GONE)
                    : new Failed("the bot is not connected to Discord", true);
        }
        if (thread.get().isLocked()
                && !guild.get().getSelfMember().hasPermission(thread.get(), Permission.MANAGE_THREADS)) {
            return new Skipped(THREAD_LOCKED);
        }
        try {
            String first = null;
            for (MessageCreateData m : summaryMessages(cohort, summary, false)) {
                pacer.acquire();
                // Sending into an archived thread unarchives it, as long as no moderator locked it.
                String id = thread.get().sendMessage(m).complete().getId();
                first = first == null ? id : first;
            }
            return new Sent(first);
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() == ErrorResponse.UNKNOWN_CHANNEL) {
                return new Skipped(THREAD_GONE);
            }
            if (e.getErrorResponse() == ErrorResponse.ILLEGAL_OPERATION_ARCHIVED_THREAD
                    || e.getErrorResponse() == ErrorResponse.THREAD_LOCKED) {
                return new Skipped(THREAD_LOCKED);
            }
            return failed("the summary in the week's thread", e);
        } catch (InsufficientPermissionException e) {
            return failed("the summary in the week's thread", e);
        }
    }

    private static final String THREAD_GONE =
            "the week's thread was deleted, so the summary is only in #peer-learning.";
    private static final String THREAD_LOCKED =
            "a moderator locked the week's thread, so the summary is only in" + " #peer-learning.";

    /**
     * The week's thread by id. JDA's cache holds only active threads (it drops a thread when Discord archives it, and
     * archived threads are not in GUILD_CREATE after a restart), so a thread not cached is looked up through REST:
     * on the prompt it was started on (a thread started on a message has that message's id), or, if that message was
     * deleted, among the archived threads of {@code #this-week}. Empty if the thread is gone.
     *
     * @throws ErrorResponseException when Discord fails the lookup (a 5xx after JDA's retries)
     */
    private Optional<ThreadChannel> weekThread(Cohort cohort, Guild guild, String threadId) {
        ThreadChannel cached = guild.getThreadChannelById(threadId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<TextChannel> parent = cohort.channels().thisWeekId().map(guild::getTextChannelById);
        if (parent.isEmpty()) {
            return Optional.empty(); // #this-week was deleted, and its threads with it
        }
        try {
            ThreadChannel started =
                    parent.get().retrieveMessageById(threadId).complete().getStartedThread();
            return Optional.ofNullable(started).filter(t -> t.getId().equals(threadId));
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() != ErrorResponse.UNKNOWN_MESSAGE) {
                throw e;
            }
        }
        // The prompt was deleted; its thread lives on. Newest archived first: a programme's weeks fit in one page.
        return parent.get().retrieveArchivedPublicThreadChannels().complete().stream()
                .filter(t -> t.getId().equals(threadId))
                .findFirst();
    }

    @Override
    public Optional<String> findSummaryInThread(Cohort cohort, String threadId, DeliveryLedger.Key key) {
        String title = "Week " + key.week() + " summary";
        String self = jda.getSelfUser().getId();
        return guild(cohort).flatMap(g -> {
            try {
                return weekThread(cohort, g, threadId)
                        .flatMap(thread -> thread.getHistory().retrievePast(50).complete().stream()
                                .filter(m -> m.getAuthor().getId().equals(self))
                                .filter(m -> m.getEmbeds().stream()
                                        .anyMatch(e -> e.getTitle() != null
                                                && e.getTitle().startsWith(title)))
                                .reduce((newer, older) -> older) // history is newest first; the summary's first message
                                .map(Message::getId));
            } catch (ErrorResponseException | InsufficientPermissionException e) {
                return Optional.empty();
            }
        });
    }

    private List<MessageCreateData> summaryMessages(Cohort cohort, WeeklySummary summary, boolean withButton) {
        return summaryMessages(charts, cohort, summary, withButton);
    }

    /** The summary as messages (heatmap, measures chart), with the My progress button in #peer-learning only. */
    static List<MessageCreateData> summaryMessages(
            ChartRenderer charts, Cohort cohort, WeeklySummary summary, boolean withButton) {
        String png = "heatmap-week-" + summary.week() + ".png";
        byte[] heatmap = charts.heatmapPng(summary.heatmap());
        Optional<ChartImage> chart = summary.measures().flatMap(CohortMeasures.Digest::chart);
        List<Button> buttons = withButton
                ? List.of(Button.secondary(
                        ComponentIds.encode(ComponentIds.Action.PROGRESS, new CohortId(cohort.id()), summary.week()),
                        "My progress"))
                : List.of();
        return messages(summaryCard(summary), buttons, Optional.of(FileUpload.fromData(heatmap, png)), chart);
    }

    @Override
    public Optional<String> findDelivered(Cohort cohort, DeliveryLedger.Key key) {
        Optional<String> channelId = switch (key.kind()) {
            case PROMPT -> cohort.channels().thisWeekId();
            case SUMMARY -> cohort.channels().peerLearningId();
            default -> Optional.empty();
        };
        Optional<TextChannel> channel = text(cohort, channelId);
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        String marker = key.kind() == DeliveryLedger.Kind.SUMMARY
                ? ComponentIds.encode(ComponentIds.Action.PROGRESS, new CohortId(cohort.id()), key.week())
                : ComponentIds.encode(
                        ComponentIds.Action.CHECKIN_OPEN, new CohortId(cohort.id()), key.week(), origin(key));
        return findRecent(
                channel.get(),
                m -> m.getComponentTree().findAll(Button.class).stream().anyMatch(b -> marker.equals(b.getCustomId())));
    }

    /** The bot's own recent message in the channel that matches (a post a crash left unrecorded); its id. */
    @Override
    public Optional<String> findReminder(Cohort cohort, Home home, DeliveryLedger.Key key) {
        String marker = ComponentIds.encode(
                ComponentIds.Action.CHECKIN_OPEN, new CohortId(cohort.id()), key.week(), origin(key));
        return text(cohort, home.channelId())
                .flatMap(channel -> findRecent(
                        channel,
                        m -> m.getComponentTree().findAll(Button.class).stream()
                                .anyMatch(b -> marker.equals(b.getCustomId()))));
    }

    static Optional<String> findRecent(TextChannel channel, Predicate<Message> matches) {
        String self = channel.getJDA().getSelfUser().getId();
        for (Message m : channel.getHistory().retrievePast(50).complete()) {
            if (m.getAuthor().getId().equals(self) && matches.test(m)) {
                return Optional.of(m.getId());
            }
        }
        return Optional.empty();
    }

    @Override
    public void tellCoaches(Cohort cohort, String text) {
        Optional<TextChannel> coaches = cohort.channels()
                .categoryId()
                .flatMap(id -> guild(cohort).map(g -> g.getCategoryById(id)))
                .flatMap(c -> c.getTextChannels().stream()
                        .filter(ch -> ch.getName().equals(JdaCohortSpaces.COACHES_CHANNEL))
                        .findFirst());
        if (coaches.isEmpty()) {
            LOG.warn("No coaches channel for cohort {}; note not delivered", cohort.id());
            return;
        }
        coaches.get()
                .sendMessage(EmbedCard.fit(text, EmbedCard.CONTENT_MAX))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .queue(ok -> {}, e -> LOG.warn("Could not tell coaches of cohort {}: {}", cohort.id(), e.getMessage()));
    }

    /** The cohort's server, waiting while JDA rebuilds it after a new gateway session. */
    private Optional<Guild> guild(Cohort cohort) {
        return Guilds.await(jda, cohort.guildId());
    }

    private Optional<TextChannel> text(Cohort cohort, Optional<String> channelId) {
        return channelId.flatMap(id -> guild(cohort).map(g -> g.getTextChannelById(id)));
    }

    /** A channel not found: missing for a coach to repair, unless the bot is not connected to Discord at all. */
    private Posted missing(Cohort cohort, String reason) {
        if (!Guilds.connected(jda)) {
            return new Failed("the bot is not connected to Discord", true);
        }
        return new Failed(reason);
    }

    /** Discord's own failures (5xx after JDA's retries) pass, so they are tried again soon; others need a coach. */
    static Posted failed(String what, Exception e) {
        boolean discords = e instanceof ErrorResponseException r && (r.isServerError() || r.getResponse().code >= 500);
        LOG.warn("Posting {} failed: {}", what, e.getMessage());
        return new Failed(
                e instanceof PermissionException
                        ? Refusals.explain(e)
                        : "Discord refused " + what + " (" + e.getMessage() + ").",
                discords);
    }
}
