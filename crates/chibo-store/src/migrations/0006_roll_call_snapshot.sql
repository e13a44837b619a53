-- The roll call of a meeting as it stood when it was saved and, for approved minutes, when
-- they were approved: each member with their standing that day, the marks, the counters and
-- the vote denominator (the `RollCall` JSON). Approved minutes and their exports read it, so
-- a later, backdated change to the roster never changes them. Existing roll calls get theirs
-- computed once, from the data as it is, when the database is opened.
CREATE TABLE roll_call_snapshot (
    meeting_id  INTEGER PRIMARY KEY REFERENCES meeting(id) ON DELETE CASCADE,
    taken_at    TEXT NOT NULL,
    sheet       TEXT NOT NULL
) STRICT;
