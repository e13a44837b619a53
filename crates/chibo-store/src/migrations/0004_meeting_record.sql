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
