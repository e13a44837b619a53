-- Branches (chi bộ) and their versioned rule settings; application preferences.
CREATE TABLE branch (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    name_folded  TEXT NOT NULL UNIQUE,
    parent_name  TEXT NOT NULL,
    place        TEXT NOT NULL,
    term_start   TEXT,
    term_end     TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;

-- Every change of a branch's thresholds is a new version; the highest is in force.
CREATE TABLE branch_settings (
    branch_id   INTEGER NOT NULL REFERENCES branch(id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    settings    TEXT NOT NULL,
    changed_at  TEXT NOT NULL,
    PRIMARY KEY (branch_id, version)
) STRICT;

CREATE TABLE app_pref (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) STRICT;
