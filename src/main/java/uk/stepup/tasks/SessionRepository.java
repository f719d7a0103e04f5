package uk.stepup.tasks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: coaching sessions and who attended them. */
public interface SessionRepository {

    /** What a coach asks for when scheduling a session. */
    record NewSession(
            long cohortId, String title, Instant startsAt, String link, String createdBy, Instant createdAt) {}

    /** The manager's attendance as it now stands, and whether this call recorded it. */
    record Recorded(Attendance attendance, boolean first) {}

    Session create(NewSession session);

    /** Removes a session that could not be posted. */
    void delete(long sessionId);

    void saveEvent(long sessionId, String eventId);

    void saveMessage(long sessionId, String messageId);

    Optional<Session> byId(long sessionId);

    /** The cohort's sessions, earliest first. */
    List<Session> forCohort(long cohortId);

    /** Records that the manager attended for the home, once: a second call returns the first record unchanged. */
    Recorded recordAttendance(long sessionId, long homeId, String userId, Instant at);

    List<Attendance> attendanceInCohort(long cohortId);
}
