-- The notice (thông báo) of a meeting once issued: its own number in the branch's "TB/CB"
-- series (numbered in the period of its issue date, as the minutes are) and its own issue
-- date, so every print of it carries the same number and date.
CREATE TABLE meeting_notice (
    meeting_id  INTEGER PRIMARY KEY REFERENCES meeting(id) ON DELETE CASCADE,
    sequence    INTEGER NOT NULL CHECK (sequence >= 1),
    issued_on   TEXT NOT NULL,
    issued_at   TEXT NOT NULL
) STRICT;
