-- Long set-up run as background jobs (/cohort import, /cohort repair): each job and how far it has gone, so that a
-- restart resumes it where it stopped (SetupJobs). An import keeps its checked file until it is done; nothing else
-- about the homes is kept here.
CREATE TABLE setup_job (
    id          INTEGER PRIMARY KEY,
    cohort_id   INTEGER NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('import', 'repair')),
    started_by  TEXT    NOT NULL,
    file        TEXT,
    phase       TEXT    NOT NULL CHECK (phase IN ('admit', 'dismiss', 'refused', 'store', 'cohort', 'channels', 'report',
                                                  'done')),
    done        INTEGER NOT NULL DEFAULT 0 CHECK (done >= 0),
    started_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    finished_at TEXT
);

CREATE INDEX setup_job_unfinished ON setup_job (phase) WHERE phase <> 'done';

-- What went wrong in a job so far, in the order found, for its final report.
CREATE TABLE setup_job_problem (
    job_id  INTEGER NOT NULL REFERENCES setup_job (id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    problem TEXT    NOT NULL,
    PRIMARY KEY (job_id, seq)
);
