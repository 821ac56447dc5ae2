-- lagebild schema 4: watch-lists and the alerts they raise; analysts' corrections of events.
-- Applied inside one transaction by lagebild.store.migrations; never edit a released migration, add one.

-- A corrected event keeps its corrected values in its own columns (so that every filter, page and
-- export sees them); `correction` summarises what was changed, from what, by whom (JSON, or NULL),
-- and a flagged event (an analyst says it is wrong) is left out of queries unless asked for.
ALTER TABLE events ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN correction TEXT;

-- Every correction as it was made. Event ids change when `lagebild merge --rebuild` re-groups
-- mentions, so a correction is anchored to the event's lead mention and to the place of its lead
-- evidence in its document; event_id is where it applies now, found again after a rebuild.
CREATE TABLE corrections (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id    TEXT,
    mention_id  TEXT NOT NULL,
    document_id TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    kind        TEXT NOT NULL,   -- correct, flag, unflag
    changes     TEXT NOT NULL,   -- JSON: the fields set (type, mode, location, date, date_precision)
    before      TEXT NOT NULL,   -- JSON: the same fields as they were
    reason      TEXT,
    author      TEXT NOT NULL,
    created     TEXT NOT NULL
);
CREATE INDEX corrections_event ON corrections(event_id);

-- A saved filter with a name. since_change: the change mark when it was made; only events
-- written after it raise alerts (a new watch-list does not alert the whole archive).
CREATE TABLE watchlists (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    name         TEXT NOT NULL UNIQUE,
    filter       TEXT NOT NULL,  -- JSON: lagebild.alerts.watchlists.Filter
    webhook      TEXT,
    created      TEXT NOT NULL,
    since_change INTEGER NOT NULL
);

-- One alert per watch-list and event, ever (UNIQUE): a dispatcher that runs twice, or two that run
-- at once, cannot double it. `event` is the event contract as it matched: what the webhook gets.
-- delivery: none (no webhook), pending, sending (claimed until next_attempt), delivered, failed.
CREATE TABLE alerts (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    watchlist_id INTEGER NOT NULL REFERENCES watchlists(id) ON DELETE CASCADE,
    event_id     TEXT NOT NULL,
    change_seq   INTEGER NOT NULL,
    raised       TEXT NOT NULL,
    reason       TEXT NOT NULL,  -- new (a new event) or update (an event that newly matches)
    event        TEXT NOT NULL,
    delivery     TEXT NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    next_attempt REAL,           -- unix time of the next try (or the end of a claim)
    last_error   TEXT,
    delivered    TEXT,
    UNIQUE (watchlist_id, event_id)
);
CREATE INDEX alerts_delivery ON alerts(delivery, next_attempt);
