-- The improvement method (programme spec section 11): a home's aims, its PDSA cycles, the limit recalculations a
-- person confirmed, and the IHI progress scores coaches gave. Every text here went through the privacy guard first.

-- One aim per home and measure: setting it again replaces it (the export keeps only the current aim).
CREATE TABLE aim (
    id          INTEGER PRIMARY KEY,
    home_id     INTEGER NOT NULL REFERENCES home (id) ON DELETE CASCADE,
    measure_id  INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
    from_value  REAL    NOT NULL,
    to_value    REAL    NOT NULL,
    by_date     TEXT    NOT NULL,
    words       TEXT    NOT NULL,
    set_by      TEXT    NOT NULL,
    set_at      TEXT    NOT NULL,
    UNIQUE (home_id, measure_id)
);

-- A Plan-Do-Study-Act cycle. number counts a home's cycles from 1: the marker drawn on its charts.
-- previous_id links a cycle to the one it adapts. share is the same choice as a check-in's highlight.
CREATE TABLE pdsa_cycle (
    id            INTEGER PRIMARY KEY,
    home_id       INTEGER NOT NULL REFERENCES home (id) ON DELETE CASCADE,
    number        INTEGER NOT NULL CHECK (number >= 1),
    measure_id    INTEGER REFERENCES measure (id) ON DELETE SET NULL,
    previous_id   INTEGER REFERENCES pdsa_cycle (id) ON DELETE SET NULL,
    change_idea   TEXT    NOT NULL,
    plan          TEXT    NOT NULL,
    prediction    TEXT    NOT NULL,
    start_date    TEXT    NOT NULL,
    planned_weeks INTEGER NOT NULL CHECK (planned_weeks BETWEEN 1 AND 26),
    share         TEXT    NOT NULL DEFAULT 'anonymous' CHECK (share IN ('anonymous', 'named', 'none')),
    do_text       TEXT,
    do_by         TEXT,
    do_at         TEXT,
    study_text    TEXT,
    study_by      TEXT,
    study_at      TEXT,
    decision      TEXT    CHECK (decision IS NULL OR decision IN ('adopt', 'adapt', 'abandon')),
    act_text      TEXT,
    act_by        TEXT,
    act_at        TEXT,
    created_by    TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    UNIQUE (home_id, number)
);
CREATE INDEX pdsa_cycle_measure ON pdsa_cycle (measure_id);

-- A person's decision to recalculate a home's limits for a measure from a period on. Undoing keeps the row and
-- records who undid it and when, so the history of decisions is never lost.
CREATE TABLE recalculation (
    id           INTEGER PRIMARY KEY,
    home_id      INTEGER NOT NULL REFERENCES home (id) ON DELETE CASCADE,
    measure_id   INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
    from_period  TEXT    NOT NULL,
    reason       TEXT    NOT NULL,
    why          TEXT    NOT NULL,
    confirmed_by TEXT    NOT NULL,
    confirmed_at TEXT    NOT NULL,
    undone_by    TEXT,
    undone_at    TEXT,
    CHECK ((undone_by IS NULL) = (undone_at IS NULL))
);
CREATE INDEX recalculation_home ON recalculation (home_id, measure_id);

-- A coach's IHI progress score for a home's improvement work (0.5 to 5 in steps of 0.5), kept over time.
CREATE TABLE progress_score (
    id      INTEGER PRIMARY KEY,
    home_id INTEGER NOT NULL REFERENCES home (id) ON DELETE CASCADE,
    score   REAL    NOT NULL CHECK (score IN (0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0)),
    week    INTEGER NOT NULL,
    note    TEXT    NOT NULL DEFAULT '',
    set_by  TEXT    NOT NULL,
    set_at  TEXT    NOT NULL
);
CREATE INDEX progress_score_home ON progress_score (home_id, set_at);
