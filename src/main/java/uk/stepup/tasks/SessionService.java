package uk.stepup.tasks;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.shared.UserText;

/**
 * Live coaching sessions: a coach schedules one (a Discord event and a post in {@code #announcements}); the
 * programme's tick sends a reminder an hour before and, from the start, a post with an I attended button; each
 * manager records their attendance once, for their home. Every home sees the title, so it goes through the privacy
 * guard; the link does not (a meeting number in it can look like an NHS or phone number), but it must be a web
 * address with no spaces.
 */
public final class SessionService {
    public static final String DEFAULT_TITLE = "Coaching session";
    public static final int TITLE_MAX = 100;
    public static final int LINK_MAX = 512;
    /** Discord takes events up to five years ahead; a cohort's sessions are within its six months. */
    static final Duration HORIZON = Duration.ofDays(366);

    private static final Pattern WHEN = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ T]+(\\d{1,2}):(\\d{2})");

    private final SessionRepository sessions;
    private final CohortRepository cohorts;
    private final HomeRepository homes;
    private final CoachPublisher publisher;
    private final Wakeups wakeups;
    private final PrivacyGuard guard;
    private final Clock clock;

    public SessionService(
            SessionRepository sessions,
            CohortRepository cohorts,
            HomeRepository homes,
            CoachPublisher publisher,
            Wakeups wakeups,
            PrivacyGuard guard,
            Clock clock) {
        this.sessions = sessions;
        this.cohorts = cohorts;
        this.homes = homes;
        this.publisher = publisher;
        this.wakeups = wakeups;
        this.guard = guard;
        this.clock = clock;
    }

    /** "YYYY-MM-DD HH:MM" as a wall-clock time in the zone (a time skipped by the clocks going forward moves on). */
    public static Optional<Instant> parseWhen(String text, ZoneId zone) {
        Matcher m = WHEN.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDateTime local = LocalDateTime.of(
                    LocalDate.parse(m.group(1)),
                    LocalTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            return Optional.of(local.atZone(zone).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A web address people can open: http or https, with a host, no spaces, and no "@" (every home sees the link, and
     * an "@" in it is a mention or someone's email address, never part of a meeting's address).
     */
    public static boolean validLink(String link) {
        if (link == null
                || link.isEmpty()
                || UserText.length(link) > LINK_MAX
                || link.chars().anyMatch(Character::isWhitespace)
                || link.indexOf('@') >= 0) {
            return false;
        }
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http"))
                    && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** {@code /session schedule}: saves the session, creates its Discord event, posts it, and books its reminders. */
    public Outcome schedule(Actor actor, Cohort cohort, String whenText, String rawLink, Optional<String> rawTitle) {
        if (!actor.coach()) {
            return Outcome.refused(Outcome.COACHES_ONLY);
        }
        if (cohort.status() == Cohort.Status.ENDED) {
            return Outcome.invalid(cohort.name() + " has ended, so it takes no new sessions.");
        }
        Instant now = clock.instant();
        ZoneId zone = cohort.zone();
        Optional<Instant> when = parseWhen(whenText, zone);
        if (when.isEmpty()) {
            return Outcome.invalid(guard.quoted(ReplyWording.oneLine(whenText), "That")
                    + " is not a date and time. Write it as YYYY-MM-DD HH:MM in "
                    + zone.getId() + " time, for example "
                    + now.atZone(zone).toLocalDate().plusWeeks(1) + " 14:00.");
        }
        if (!when.get().isAfter(now)) {
            return Outcome.invalid(ReplyWording.when(when.get(), zone) + " has passed. Choose a time in the future.");
        }
        if (when.get().isAfter(now.plus(HORIZON))) {
            return Outcome.invalid("Sessions can be scheduled up to a year ahead.");
        }
        String link = rawLink == null ? "" : rawLink.strip();
        if (!validLink(link)) {
            return Outcome.invalid("The link must be a full web address starting with https://, without spaces or @,"
                    + " for example https://zoom.us/j/123456789.");
        }
        String title =
                ReplyWording.optional(rawTitle).map(ReplyWording::oneLine).orElse(DEFAULT_TITLE);
        if (UserText.length(title) > TITLE_MAX) {
            return Outcome.invalid("Give the session a title of up to " + TITLE_MAX + " characters.");
        }
        Optional<String> identifiers = guard.identifiers("title", title);
        if (identifiers.isPresent()) {
            return Outcome.invalid("Every home sees a session's title. " + identifiers.get());
        }
        Session session = sessions.create(
                new SessionRepository.NewSession(cohort.id(), title, when.get(), link, actor.userId(), now));
        // A server's events are visible to everyone on it: with other cohorts there, the link stays in this cohort's
        // #announcements and the event says so.
        boolean sharedServer = sharesServer(cohort);
        CoachPublisher.Posted event = publisher.createEvent(cohort, session, !sharedServer);
        if (event instanceof CoachPublisher.Sent e) {
            sessions.saveEvent(session.id(), e.id());
            session = sessions.byId(session.id()).orElseThrow();
        }
        CoachPublisher.Posted posted = publisher.postSession(cohort, session);
        if (posted instanceof CoachPublisher.Failed failed) {
            session.eventId().ifPresent(id -> publisher.deleteEvent(cohort, id));
            sessions.delete(session.id());
            return Outcome.invalid("I could not post the session: " + failed.reason() + " Nothing was scheduled. "
                    + "`/cohort repair` re-creates missing channels; then try again.");
        }
        sessions.saveMessage(session.id(), ((CoachPublisher.Sent) posted).id());
        if (session.reminderAt().isAfter(now)) {
            wakeups.wakeAt(cohort.id(), session.reminderAt());
        }
        wakeups.wakeAt(cohort.id(), session.startsAt());
        String eventNote = event instanceof CoachPublisher.Failed f
                ? " The Discord event could not be created (" + f.reason() + "), so it is only in #announcements."
                : sharedServer
                        ? " It is in the server's Events too, without the call link: other cohorts share this server"
                                + " and see its events, so the event points to #announcements of " + cohort.name() + "."
                        : " It is in the server's Events too, with the link.";
        String reminderNote = session.reminderAt().isAfter(now)
                ? "A reminder goes to #announcements an hour before, without pinging anyone."
                : "It starts within the hour, so there is no separate reminder.";
        return Outcome.done("Scheduled **" + title + "** for " + cohort.name() + " on "
                + ReplyWording.when(session.startsAt(), zone)
                + " (" + zone.getId() + "), posted in #announcements." + eventNote + "\n" + reminderNote
                + " From the start, an **I attended** button there lets each manager record their attendance.");
    }

    /** Whether another running (not ended) cohort is on the same server, whose members would see this cohort's events. */
    boolean sharesServer(Cohort cohort) {
        return cohorts.inGuild(cohort.guildId()).stream()
                .anyMatch(c -> c.id() != cohort.id() && c.status() != Cohort.Status.ENDED);
    }

    /** The I attended button: records the manager's attendance for their home, once, from the session's start. */
    public Outcome attended(Actor actor, long sessionId) {
        Optional<Session> found = sessions.byId(sessionId);
        if (found.isEmpty()) {
            return Outcome.invalid("This session no longer exists.");
        }
        Session session = found.get();
        Optional<Home> home = homes.managedBy(session.cohortId(), actor.userId());
        if (home.isEmpty()) {
            return Outcome.refused(
                    actor.coach()
                            ? "Attendance is recorded by the homes' managers; `/cohort status` shows who attended."
                            : "Only the managers of the homes in this cohort can record attendance. Ask your coach to enrol you.");
        }
        ZoneId zone = cohorts.byId(session.cohortId()).map(Cohort::zone).orElse(ZoneId.of("UTC"));
        Instant now = clock.instant();
        if (!session.started(now)) {
            return Outcome.invalid("**" + session.title() + "** starts " + ReplyWording.when(session.startsAt(), zone)
                    + "; you can record your attendance once it has started.");
        }
        SessionRepository.Recorded recorded =
                sessions.recordAttendance(session.id(), home.get().id(), actor.userId(), now);
        if (!recorded.first()) {
            return Outcome.done("Already recorded: you attended **" + session.title() + "** for "
                    + home.get().name() + " (noted "
                    + ReplyWording.when(recorded.attendance().recordedAt(), zone) + ").");
        }
        return Outcome.done("Thank you, recorded: you attended **" + session.title() + "** for "
                + home.get().name() + ".");
    }
}
