-- Answers held for their manager for a few minutes: check-ins awaiting a privacy confirmation and measures to fix.

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

-- Measures a manager typed that could not be saved (not a number, out of range), held so the form reopens with them
-- to fix: like held check-ins, kept here so a restart loses nothing, and forgotten after 15 minutes
-- (MeasureDesk.DRAFT_TTL). Boxes holding an identifier are never kept.
CREATE TABLE measure_draft (
    token   TEXT    PRIMARY KEY,
    user_id TEXT    NOT NULL,
    home_id INTEGER NOT NULL REFERENCES home (id) ON DELETE CASCADE,
    week    INTEGER NOT NULL CHECK (week >= 1),
    page    INTEGER NOT NULL CHECK (page >= 1),
    held_at TEXT    NOT NULL
);

CREATE TABLE measure_draft_value (
    token TEXT NOT NULL REFERENCES measure_draft (token) ON DELETE CASCADE,
    box   TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (token, box)
);

CREATE INDEX measure_draft_held_at ON measure_draft (held_at);
