-- Party members of a branch and their dated statuses.
CREATE TABLE member (
    id                  INTEGER PRIMARY KEY,
    branch_id           INTEGER NOT NULL REFERENCES branch(id) ON DELETE CASCADE,
    full_name           TEXT NOT NULL,
    name_folded         TEXT NOT NULL,
    family_name         TEXT NOT NULL,
    middle_name         TEXT NOT NULL,
    given_name          TEXT NOT NULL,
    gender              TEXT CHECK (gender IN ('male', 'female')),
    birth_date          TEXT,
    hometown            TEXT NOT NULL DEFAULT '',
    ethnicity           TEXT NOT NULL DEFAULT '',
    card_number         TEXT NOT NULL DEFAULT '',
    admitted_on         TEXT NOT NULL,
    official_on         TEXT,
    official_reference  TEXT NOT NULL DEFAULT '',
    role                TEXT NOT NULL,
    post                TEXT NOT NULL DEFAULT '',
    phone               TEXT NOT NULL DEFAULT '',
    notes               TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX member_branch_name ON member(branch_id, name_folded);
CREATE UNIQUE INDEX member_card ON member(branch_id, card_number) WHERE card_number <> '';

CREATE TABLE member_status (
    id         INTEGER PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    start      TEXT NOT NULL,
    end        TEXT,
    reference  TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX member_status_member ON member_status(member_id);
