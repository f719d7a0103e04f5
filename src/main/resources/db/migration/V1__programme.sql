-- The programme: cohorts, their curriculum, homes and managers; check-ins with revisions;
-- tasks, sessions and attendance; and the delivery ledger that makes every scheduled post happen exactly once.
-- Times are ISO-8601 UTC instants (TEXT); calendar dates are ISO local dates in the cohort's zone.

CREATE TABLE cohort (
    id                  INTEGER PRIMARY KEY,
    guild_id            TEXT    NOT NULL,
    name                TEXT    NOT NULL,
    framework           TEXT    NOT NULL,
    zone                TEXT    NOT NULL,
    start_date          TEXT    NOT NULL,          -- a Monday
    prompt_at           TEXT    NOT NULL,          -- e.g. MONDAY 09:00
    reminder_at         TEXT    NOT NULL,
    close_at            TEXT    NOT NULL,
    summary_at          TEXT    NOT NULL,
    status              TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'ended')),
    paused_on           TEXT,                      -- date the pause began, while paused
    category_id         TEXT,
    announcements_id    TEXT,
    this_week_id        TEXT,
    peer_learning_id    TEXT,
    created_by          TEXT    NOT NULL,
    created_at          TEXT    NOT NULL,
    UNIQUE (guild_id, name)
);

-- The cohort's own copy of the curriculum order (a coach may reorder before start).
CREATE TABLE cohort_item (
    cohort_id   INTEGER NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL CHECK (position >= 1),
    code        TEXT    NOT NULL,
    PRIMARY KEY (cohort_id, position),
    UNIQUE (cohort_id, code)
);

-- Calendar weeks (their Monday) in which the programme does not advance: holidays and pauses.
CREATE TABLE cohort_break (
    cohort_id   INTEGER NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
    week_start  TEXT    NOT NULL,
    reason      TEXT    NOT NULL CHECK (reason IN ('skip', 'pause')),
    PRIMARY KEY (cohort_id, week_start)
);

CREATE TABLE home (
    id                  INTEGER PRIMARY KEY,
    cohort_id           INTEGER NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
    name                TEXT    NOT NULL,
    slug                TEXT    NOT NULL,
    cqc_location_id     TEXT,
    channel_id          TEXT,
    baseline_overall    TEXT,
    baseline_safe       TEXT,
    baseline_effective  TEXT,
    baseline_caring     TEXT,
    baseline_responsive TEXT,
    baseline_well_led   TEXT,
    created_at          TEXT    NOT NULL,
    UNIQUE (cohort_id, name),
    UNIQUE (cohort_id, slug)
);

-- A manager belongs to exactly one home in a cohort; a home may have several managers.
CREATE TABLE manager (
    cohort_id   INTEGER NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
    home_id     INTEGER NOT NULL REFERENCES home (id) ON DELETE CASCADE,
    user_id     TEXT    NOT NULL,
    enrolled_at TEXT    NOT NULL,
    PRIMARY KEY (cohort_id, user_id)
);
CREATE INDEX manager_home ON manager (home_id);

-- One check-in per home per programme week; the latest values live here, every version in checkin_revision.
CREATE TABLE checkin (
    id              INTEGER PRIMARY KEY,
    home_id         INTEGER NOT NULL REFERENCES home (id) ON DELETE CASCADE,
    week            INTEGER NOT NULL CHECK (week >= 1),
    code            TEXT    NOT NULL,
    rating          TEXT    NOT NULL,
    did             TEXT    NOT NULL,
    evidence        TEXT,
    next_step       TEXT,
    highlight       TEXT,
    highlight_share TEXT    NOT NULL DEFAULT 'anonymous' CHECK (highlight_share IN ('anonymous', 'named', 'none')),
    late            INTEGER NOT NULL DEFAULT 0,
    revisions       INTEGER NOT NULL DEFAULT 1,
    submitted_by    TEXT    NOT NULL,
    submitted_at    TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    UNIQUE (home_id, week)
);

CREATE TABLE checkin_revision (
    checkin_id  INTEGER NOT NULL REFERENCES checkin (id) ON DELETE CASCADE,
    revision    INTEGER NOT NULL,
    rating      TEXT    NOT NULL,
    did         TEXT    NOT NULL,
    evidence    TEXT,
    next_step   TEXT,
    highlight   TEXT,
    edited_by   TEXT    NOT NULL,
    edited_at   TEXT    NOT NULL,
    PRIMARY KEY (checkin_id, revision)
);

CREATE TABLE task (
    id          INTEGER PRIMARY KEY,
    cohort_id   INTEGER NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
    title       TEXT    NOT NULL,
    details     TEXT,
    due_date    TEXT    NOT NULL,
    message_id  TEXT,
    created_by  TEXT    NOT NULL,
    created_at  TEXT    NOT NULL
);

CREATE TABLE task_done (
    task_id     INTEGER NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    home_id     INTEGER NOT NULL REFERENCES home (id) ON DELETE CASCADE,
    done_by     TEXT    NOT NULL,
    done_at     TEXT    NOT NULL,
    PRIMARY KEY (task_id, home_id)
);

CREATE TABLE session (
    id          INTEGER PRIMARY KEY,
    cohort_id   INTEGER NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
    title       TEXT    NOT NULL,
    starts_at   TEXT    NOT NULL,
    link        TEXT    NOT NULL,
    event_id    TEXT,
    message_id  TEXT,
    created_by  TEXT    NOT NULL,
    created_at  TEXT    NOT NULL
);

CREATE TABLE attendance (
    session_id  INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    home_id     INTEGER NOT NULL REFERENCES home (id) ON DELETE CASCADE,
    user_id     TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    PRIMARY KEY (session_id, user_id)
);

-- Every scheduled post, keyed by (cohort, week, kind, target). A row is claimed before the post is sent
-- and marked sent with the message id after; a claimed row left by a crash is reconciled on start.
CREATE TABLE delivery (
    delivery_key TEXT    PRIMARY KEY,              -- cohort:week:kind:target
    cohort_id    INTEGER NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
    week         INTEGER NOT NULL,
    kind         TEXT    NOT NULL,
    target       TEXT    NOT NULL,
    due_at       TEXT    NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('claimed', 'sent', 'skipped')),
    attempts     INTEGER NOT NULL DEFAULT 1,
    message_id   TEXT,
    claimed_at   TEXT    NOT NULL,
    sent_at      TEXT,
    late         INTEGER NOT NULL DEFAULT 0,
    note         TEXT
);
CREATE INDEX delivery_cohort_week ON delivery (cohort_id, week);
