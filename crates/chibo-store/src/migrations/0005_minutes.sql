-- The minutes of a meeting: the current text (a draft saved as the thư ký types, or the
-- approved text with its hash), the number given at the first approval, and every earlier
-- approved version kept when the minutes are amended.
CREATE TABLE minutes (
    meeting_id    INTEGER PRIMARY KEY REFERENCES meeting(id) ON DELETE CASCADE,
    content       TEXT NOT NULL,
    status        TEXT NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1,
    sequence      INTEGER,
    approved_at   TEXT,
    content_hash  TEXT,
    amend_reason  TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL
) STRICT;

CREATE TABLE minutes_version (
    meeting_id    INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    version       INTEGER NOT NULL,
    content       TEXT NOT NULL,
    approved_at   TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    amend_reason  TEXT NOT NULL DEFAULT '',
    replaced_at   TEXT NOT NULL,
    replaced_because TEXT NOT NULL,
    PRIMARY KEY (meeting_id, version)
) STRICT;

-- Files attached to a meeting (scans of the signed minutes, photos, documents), stored once
-- per content under attachments/ by their SHA-256.
CREATE TABLE attachment (
    id             INTEGER PRIMARY KEY,
    meeting_id     INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    sha256         TEXT NOT NULL,
    original_name  TEXT NOT NULL,
    media_type     TEXT NOT NULL,
    size           INTEGER NOT NULL,
    added_at       TEXT NOT NULL
) STRICT;
CREATE INDEX attachment_meeting ON attachment(meeting_id);
CREATE INDEX attachment_sha256 ON attachment(sha256);
