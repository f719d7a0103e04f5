-- Next steps followed through (programme spec section 12): a check-in's "next step or help needed" becomes an action
-- of its home, and each later check-in first asks how it went.

-- One action per check-in that has a next step (so at most one per home and week). Its text follows the check-in's
-- latest revision while nobody has answered for it. status: open until a follow-up says done or dropped; partly and
-- not yet keep it open and carry it forward to the next week. closed_week is the week it was closed in.
CREATE TABLE action (
    id          INTEGER PRIMARY KEY,
    home_id     INTEGER NOT NULL REFERENCES home (id) ON DELETE CASCADE,
    set_week    INTEGER NOT NULL CHECK (set_week >= 1),
    checkin_id  INTEGER NOT NULL REFERENCES checkin (id) ON DELETE CASCADE,
    text        TEXT    NOT NULL,
    status      TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    closed_week INTEGER,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    UNIQUE (home_id, set_week)
);

CREATE INDEX action_home_status ON action (home_id, status);

-- How an action went, at most once per action and week (answering again that week replaces the answer). outcome is
-- empty when the manager gave a few words before choosing how it went.
CREATE TABLE action_follow_up (
    action_id   INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,
    week        INTEGER NOT NULL CHECK (week >= 1),
    outcome     TEXT    CHECK (outcome IN ('done', 'partly', 'not_yet', 'dropped')),
    note        TEXT,
    answered_by TEXT    NOT NULL,
    answered_at TEXT    NOT NULL,
    PRIMARY KEY (action_id, week)
);
