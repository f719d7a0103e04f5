-- QI measures: each cohort's measures, defined by a coach, and every home's value per period.
-- Values are aggregate numbers only (how many, how often), never anything about a resident.
-- Numbered 3 so that it cannot clash with another branch's V2.

CREATE TABLE measure (
    id                  INTEGER PRIMARY KEY,
    cohort_id           INTEGER NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
    name                TEXT    NOT NULL COLLATE NOCASE,
    unit                TEXT    NOT NULL,
    direction           TEXT    NOT NULL CHECK (direction IN ('increase', 'decrease', 'neutral')),
    target              REAL,
    frequency           TEXT    NOT NULL CHECK (frequency IN ('weekly', 'monthly')),
    -- A rate: value = numerator / denominator * per. All three are set, or none.
    numerator_label     TEXT,
    denominator_label   TEXT,
    per                 REAL    CHECK (per IS NULL OR per > 0),
    position            INTEGER NOT NULL CHECK (position >= 1),
    created_by          TEXT    NOT NULL,
    created_at          TEXT    NOT NULL,
    UNIQUE (cohort_id, name),
    UNIQUE (cohort_id, position),
    CHECK ((numerator_label IS NULL) = (denominator_label IS NULL) AND (numerator_label IS NULL) = (per IS NULL))
);

-- One value per measure, home and period. period is the period's first day (ISO date): the Monday of a week or
-- the first of a month. week is the programme week whose form it was entered in (NULL for imported history).
CREATE TABLE measure_value (
    measure_id  INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
    home_id     INTEGER NOT NULL REFERENCES home (id) ON DELETE CASCADE,
    period      TEXT    NOT NULL,
    value       REAL    NOT NULL,
    numerator   REAL,
    denominator REAL    CHECK (denominator IS NULL OR denominator > 0),
    source      TEXT    NOT NULL CHECK (source IN ('entered', 'imported')),
    week        INTEGER,
    entered_by  TEXT    NOT NULL,
    entered_at  TEXT    NOT NULL,
    PRIMARY KEY (measure_id, home_id, period),
    CHECK ((numerator IS NULL) = (denominator IS NULL))
);
CREATE INDEX measure_value_home ON measure_value (home_id);
