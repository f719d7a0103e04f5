package uk.stepup.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A live coaching session (a video call) for a cohort: a Discord scheduled event with the link, a reminder an hour
 * before, and an "I attended" button from its start.
 *
 * @param eventId   the Discord scheduled event, if it could be created
 * @param messageId the post in {@code #announcements}
 */
public record Session(
        long id,
        long cohortId,
        String title,
        Instant startsAt,
        String link,
        Optional<String> eventId,
        Optional<String> messageId,
        String createdBy,
        Instant createdAt) {
    /** How long a session is booked for in the Discord event. */
    public static final Duration LENGTH = Duration.ofHours(1);
    /** How long before the start the reminder goes out. */
    public static final Duration REMINDER_BEFORE = Duration.ofHours(1);

    public Instant endsAt() {
        return startsAt.plus(LENGTH);
    }

    public Instant reminderAt() {
        return startsAt.minus(REMINDER_BEFORE);
    }

    public boolean started(Instant now) {
        return !now.isBefore(startsAt);
    }
}
