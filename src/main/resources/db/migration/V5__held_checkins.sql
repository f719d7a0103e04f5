-- Check-ins the privacy guard held for their manager to confirm ("Save as written") or edit: kept here rather than in
-- the bot's memory so that a restart in between does not lose what the manager typed. A held check-in is removed when
-- its manager confirms or edits it, and forgotten 15 minutes after it was held (CheckinDesk.PENDING_TTL).
CREATE TABLE held_checkin (
    token     TEXT    PRIMARY KEY,
    user_id   TEXT    NOT NULL,
    home_id   INTEGER NOT NULL REFERENCES home (id) ON DELETE CASCADE,
    week      INTEGER NOT NULL CHECK (week >= 1),
    rating    TEXT    NOT NULL,
    did       TEXT    NOT NULL,
    evidence  TEXT,
    next_step TEXT,
    highlight TEXT,
    held_at   TEXT    NOT NULL
);

CREATE INDEX held_checkin_held_at ON held_checkin (held_at);
