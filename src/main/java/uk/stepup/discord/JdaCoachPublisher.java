package uk.stepup.discord;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.exceptions.PermissionException;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.Home;
import uk.stepup.tasks.CoachPublisher;
import uk.stepup.tasks.Session;
import uk.stepup.tasks.Task;

/**
 * Posts the coach's tasks, sessions and broadcasts with JDA, creates the sessions' Discord events, and sends their
 * reminders. User text is made inert ({@link Mentions#neutralise}) and nothing pings anyone, except a task reminder,
 * which mentions its own home's managers and nobody else.
 */
public final class JdaCoachPublisher implements CoachPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(JdaCoachPublisher.class);
    static final int TASK_COLOUR = 0xB7791F;
    static final int SESSION_COLOUR = 0x6B46C1;
    static final int BROADCAST_COLOUR = 0x2C5282;
    /** Discord's limits for a scheduled event. */
    static final int EVENT_NAME_MAX = 100;

    static final int EVENT_LOCATION_MAX = 100;
    static final int EVENT_DESCRIPTION_MAX = 1000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final JDA jda;
    private final RequestPacer pacer;

    public JdaCoachPublisher(JDA jda, RequestPacer pacer) {
        this.jda = jda;
        this.pacer = pacer;
    }

    static Button doneButton(long taskId) {
        return Button.success(ComponentIds.encode(ComponentIds.Action.TASK_DONE, taskId), "Mark done");
    }

    static Button attendedButton(long sessionId) {
        return Button.primary(ComponentIds.encode(ComponentIds.Action.ATTENDED, sessionId), "I attended");
    }

    private static String stamp(Instant t, String style) {
        return "<t:" + t.getEpochSecond() + ":" + style + ">";
    }

    static EmbedCard taskCard(Cohort cohort, Task task) {
        List<EmbedCard.Field> fields = List.of(
                new EmbedCard.Field(
                        "Due",
                        DAY.format(task.dueDate()) + ", by the end of the day ("
                                + cohort.zone().getId() + ")",
                        false),
                new EmbedCard.Field(
                        "How it works",
                        "When your home has done it, one of your home's managers presses **Mark done**. "
                                + "Homes that have not done it by " + Task.REMINDER_TIME
                                + " the day before get a reminder in their "
                                + "own channel.",
                        false));
        return new EmbedCard(
                "Task · " + Mentions.neutralise(task.title()),
                task.details().map(Mentions::neutralise).orElse(""),
                fields,
                Optional.of(cohort.name() + " · /task list shows where your home stands"),
                TASK_COLOUR);
    }

    static EmbedCard sessionCard(Cohort cohort, Session session) {
        List<EmbedCard.Field> fields = new ArrayList<>();
        fields.add(new EmbedCard.Field("Join", session.link(), false));
        fields.add(new EmbedCard.Field("Reminder", "An hour before, here in #announcements.", false));
        fields.add(new EmbedCard.Field(
                "Attendance",
                "From the start, an **I attended** button appears here: press it so your "
                        + "home's attendance is recorded.",
                false));
        if (session.eventId().isPresent()) {
            fields.add(new EmbedCard.Field(
                    "Event", "It is in the server's Events too, where you can mark yourself interested.", false));
        }
        return new EmbedCard(
                "Live session · " + Mentions.neutralise(session.title()),
                stamp(session.startsAt(), "F") + " (" + stamp(session.startsAt(), "R") + "), for an hour.",
                fields,
                Optional.of(cohort.name() + " · times show in your own time zone"),
                SESSION_COLOUR);
    }

    static String taskReminderText(Home home, Task task) {
        StringBuilder who = new StringBuilder();
        home.managerIds().forEach(id -> who.append("<@").append(id).append("> "));
        return who + "a reminder: **" + Mentions.neutralise(task.title()) + "** is due tomorrow, "
                + DAY.format(task.dueDate()) + ". When your home has done it, press **Mark done**.";
    }

    static String sessionReminderText(Session session) {
        return "⏰ Starting in an hour: **" + Mentions.neutralise(session.title()) + "** at "
                + stamp(session.startsAt(), "t") + " (" + stamp(session.startsAt(), "R") + "). Join here: <"
                + session.link() + ">";
    }

    static String attendanceCallText(Session session) {
        return "🎥 **" + Mentions.neutralise(session.title()) + "** started " + stamp(session.startsAt(), "R")
                + ". Join here: <" + session.link() + ">\nManagers: once you have joined, press **I attended** so your "
                + "home's attendance is recorded.";
    }

    @Override
    public Posted postTask(Cohort cohort, Task task) {
        return postCard(cohort, taskCard(cohort, task), List.of(doneButton(task.id())), "the task");
    }

    @Override
    public Posted createEvent(Cohort cohort, Session session, boolean withLink) {
        Optional<Guild> guild = guild(cohort);
        if (guild.isEmpty()) {
            return new Failed("the bot is not in the cohort's server.");
        }
        String location;
        String description;
        if (withLink) {
            location = session.link().length() <= EVENT_LOCATION_MAX
                    ? session.link()
                    : "Online: the link is in the event's description";
            description = "Join: " + session.link() + "\nA live session for " + cohort.name() + ".";
        } else {
            // Everyone on the server sees its events; the link is only where the cohort's members can see it.
            location = EmbedCard.fit(eventLocationWithoutLink(cohort), EVENT_LOCATION_MAX);
            description = "A live session for " + cohort.name() + ". The call link is in "
                    + cohort.channels()
                            .announcementsId()
                            .map(id -> "<#" + id + ">")
                            .orElse("#announcements")
                    + " of " + cohort.name() + ", which only the cohort's members can see.";
        }
        try {
            pacer.acquire();
            String id = guild.get()
                    .createScheduledEvent(
                            EmbedCard.fit(session.title(), EVENT_NAME_MAX),
                            location,
                            OffsetDateTime.ofInstant(session.startsAt(), ZoneOffset.UTC),
                            OffsetDateTime.ofInstant(session.endsAt(), ZoneOffset.UTC))
                    .setDescription(EmbedCard.fit(description, EVENT_DESCRIPTION_MAX))
                    .complete()
                    .getId();
            return new Sent(id);
        } catch (ErrorResponseException | InsufficientPermissionException | IllegalArgumentException e) {
            return failed("the event", e);
        }
    }

    /** Where an event without its link tells people to look. */
    static String eventLocationWithoutLink(Cohort cohort) {
        return "Link in #announcements of " + cohort.name();
    }

    @Override
    public void deleteEvent(Cohort cohort, String eventId) {
        guild(cohort).ifPresent(g -> {
            try {
                g.retrieveScheduledEventById(eventId).complete().delete().complete();
            } catch (ErrorResponseException | InsufficientPermissionException e) {
                LOG.warn("Could not remove the event of a session that was not posted: {}", e.getMessage());
            }
        });
    }

    @Override
    public Posted postSession(Cohort cohort, Session session) {
        return postCard(cohort, sessionCard(cohort, session), List.of(), "the session");
    }

    @Override
    public Posted postBroadcast(Cohort cohort, String text, String from) {
        EmbedCard card = new EmbedCard(
                "📣 From your coach",
                Mentions.neutralise(text),
                List.of(),
                Optional.of(from + " · " + cohort.name()),
                BROADCAST_COLOUR);
        return postCard(cohort, card, List.of(), "the message");
    }

    @Override
    public Posted postTaskReminder(Cohort cohort, Home home, Task task) {
        Optional<TextChannel> channel = text(cohort, home.channelId());
        if (channel.isEmpty()) {
            return new Failed(home.name() + "'s channel is missing.");
        }
        MessageCreateData message = new MessageCreateBuilder()
                .setContent(EmbedCard.fit(taskReminderText(home, task), EmbedCard.CONTENT_MAX))
                .setAllowedMentions(EnumSet.of(Message.MentionType.USER))
                .mentionUsers(home.managerIds())
                .addComponents(ActionRow.of(doneButton(task.id())))
                .build();
        return send(channel.get(), message, "a task reminder");
    }

    @Override
    public Optional<String> findTaskReminder(Cohort cohort, Home home, Task task) {
        String marker = doneButton(task.id()).getCustomId();
        return text(cohort, home.channelId())
                .flatMap(ch -> JdaProgrammePublisher.findRecent(
                        ch,
                        m -> m.getComponentTree().findAll(Button.class).stream()
                                .anyMatch(b -> marker.equals(b.getCustomId()))));
    }

    @Override
    public Posted postSessionReminder(Cohort cohort, Session session) {
        Optional<TextChannel> channel = announcements(cohort);
        if (channel.isEmpty()) {
            return new Failed("#announcements is missing.");
        }
        MessageCreateData message = new MessageCreateBuilder()
                .setContent(EmbedCard.fit(sessionReminderText(session), EmbedCard.CONTENT_MAX))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .build();
        return send(channel.get(), message, "a session reminder");
    }

    @Override
    public Optional<String> findSessionReminder(Cohort cohort, Session session) {
        String expected = EmbedCard.fit(sessionReminderText(session), EmbedCard.CONTENT_MAX);
        return announcements(cohort)
                .flatMap(ch -> JdaProgrammePublisher.findRecent(ch, m -> expected.equals(m.getContentRaw())));
    }

    @Override
    public Posted postAttendanceCall(Cohort cohort, Session session) {
        Optional<TextChannel> channel = announcements(cohort);
        if (channel.isEmpty()) {
            return new Failed("#announcements is missing.");
        }
        MessageCreateData message = new MessageCreateBuilder()
                .setContent(EmbedCard.fit(attendanceCallText(session), EmbedCard.CONTENT_MAX))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .addComponents(ActionRow.of(attendedButton(session.id())))
                .build();
        return send(channel.get(), message, "the I attended post");
    }

    @Override
    public Optional<String> findAttendanceCall(Cohort cohort, Session session) {
        String marker = attendedButton(session.id()).getCustomId();
        return announcements(cohort)
                .flatMap(ch -> JdaProgrammePublisher.findRecent(
                        ch,
                        m -> m.getComponentTree().findAll(Button.class).stream()
                                .anyMatch(b -> marker.equals(b.getCustomId()))));
    }

    /** A card in {@code #announcements} (split to fit), the last message carrying the buttons; its id. */
    private Posted postCard(Cohort cohort, EmbedCard card, List<Button> buttons, String what) {
        Optional<TextChannel> channel = announcements(cohort);
        if (channel.isEmpty()) {
            return new Failed("#announcements is missing.");
        }
        try {
            String last = null;
            for (MessageCreateData m : JdaProgrammePublisher.messages(card, buttons)) {
                pacer.acquire();
                last = channel.get().sendMessage(m).complete().getId();
            }
            return new Sent(last);
        } catch (ErrorResponseException | InsufficientPermissionException e) {
            return failed(what, e);
        }
    }

    private Posted send(TextChannel channel, MessageCreateData message, String what) {
        try {
            pacer.acquire();
            return new Sent(channel.sendMessage(message).complete().getId());
        } catch (ErrorResponseException | InsufficientPermissionException e) {
            return failed(what, e);
        }
    }

    /** The cohort's server, waiting while JDA rebuilds it after a new gateway session. */
    private Optional<Guild> guild(Cohort cohort) {
        return Guilds.await(jda, cohort.guildId());
    }

    private Optional<TextChannel> text(Cohort cohort, Optional<String> channelId) {
        return channelId.flatMap(id -> guild(cohort).map(g -> g.getTextChannelById(id)));
    }

    private Optional<TextChannel> announcements(Cohort cohort) {
        return text(cohort, cohort.channels().announcementsId());
    }

    private static Posted failed(String what, Exception e) {
        LOG.warn("Posting {} failed: {}", what, e.getMessage());
        return new Failed(
                e instanceof PermissionException
                        ? Refusals.explain(e)
                        : "Discord refused " + what + " (" + e.getMessage() + ").");
    }
}
