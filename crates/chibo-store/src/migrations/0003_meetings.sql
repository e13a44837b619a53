-- Meetings of a branch, their ordered agenda and the roll call. Guests and documents
-- studied come in later migrations. `locked_at` is set when the minutes are approved: the
-- meeting and its attendance are read-only from then on.
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
    locked_at      TEXT,
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

CREATE TABLE attendance (
    meeting_id       INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    member_id        INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,
    presence         TEXT NOT NULL,
    reason           TEXT NOT NULL DEFAULT '',
    reason_accepted  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (meeting_id, member_id)
) STRICT;
CREATE INDEX attendance_member ON attendance(member_id);
