-- The rest of the meeting record: the branch's founding date (no meeting before it), guests
-- of a meeting, and the register of superior documents studied at meetings, reusable across
-- meetings.
ALTER TABLE branch ADD COLUMN founded_on TEXT;

CREATE TABLE meeting_guest (
    meeting_id    INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    name          TEXT NOT NULL,
    post          TEXT NOT NULL DEFAULT '',
    organisation  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_id, position)
) STRICT;

CREATE TABLE document (
    id          INTEGER PRIMARY KEY,
    branch_id   INTEGER NOT NULL REFERENCES branch(id) ON DELETE CASCADE,
    number      TEXT NOT NULL,
    issued_on   TEXT,
    issuer      TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX document_branch_number ON document(branch_id, number, ifnull(issued_on, ''));

CREATE TABLE meeting_document (
    meeting_id   INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    document_id  INTEGER NOT NULL REFERENCES document(id) ON DELETE RESTRICT,
    position     INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, document_id)
) STRICT;
CREATE INDEX meeting_document_document ON meeting_document(document_id);

-- Attendance clustered by meeting: a roll call, and the marks of a branch's meetings over a
-- year, are read as contiguous rows instead of one lookup per mark (10 years of a commune
-- hold ~320,000 marks).
CREATE TABLE attendance_by_meeting (
    meeting_id       INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    member_id        INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,
    presence         TEXT NOT NULL,
    reason           TEXT NOT NULL DEFAULT '',
    reason_accepted  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (meeting_id, member_id)
) STRICT, WITHOUT ROWID;
INSERT INTO attendance_by_meeting SELECT meeting_id, member_id, presence, reason, reason_accepted
    FROM attendance;
DROP TABLE attendance;
ALTER TABLE attendance_by_meeting RENAME TO attendance;
CREATE INDEX attendance_member ON attendance(member_id);
