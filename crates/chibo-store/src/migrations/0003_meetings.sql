-- Meetings of a branch and their ordered agenda. Attendance, guests and documents studied
-- come in later migrations.
CREATE TABLE meeting (
    id             INTEGER PRIMARY KEY,
    branch_id      INTEGER NOT NULL REFERENCES branch(id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    title          TEXT NOT NULL DEFAULT '',
    date           TEXT NOT NULL,
    planned_start  TEXT,
    planned_end    TEXT,
    actual_start   TEXT,
    actual_end     TEXT,
    place          TEXT NOT NULL DEFAULT '',
    chair_id       INTEGER REFERENCES member(id) ON DELETE SET NULL,
    secretary_id   INTEGER REFERENCES member(id) ON DELETE SET NULL,
    status         TEXT NOT NULL,
    status_reason  TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX meeting_branch_date ON meeting(branch_id, date);

CREATE TABLE agenda_item (
    meeting_id  INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    PRIMARY KEY (meeting_id, position)
) STRICT;
