-- lagebild schema 1: documents, events with their evidence, spatial and full-text indexes, key-value state.
-- Applied inside one transaction by lagebild.store.migrations; never edit a released migration, add one.

PRAGMA application_id = 1818322786;  -- "lagb"

CREATE TABLE documents (
    id          TEXT PRIMARY KEY,
    url         TEXT,
    source      TEXT,
    title       TEXT,
    published   TEXT,
    lang        TEXT,
    author      TEXT,
    text        TEXT NOT NULL,
    fetched_at  TEXT,
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_source ON documents(source);
CREATE INDEX documents_ingested_at ON documents(ingested_at);

-- seq never changes once given: it breaks ties in the newest-first order and keys the R*Tree.
-- change_seq is bumped on every write to the row: "what changed since N" for live streams.
CREATE TABLE events (
    seq                  INTEGER PRIMARY KEY AUTOINCREMENT,
    id                   TEXT NOT NULL UNIQUE,
    type                 TEXT NOT NULL,
    mode                 TEXT,
    acled_event_type     TEXT,
    acled_sub_event_type TEXT,
    cameo_root           TEXT,
    date                 TEXT,
    date_precision       TEXT,
    modality             TEXT NOT NULL,
    confidence           REAL NOT NULL,
    location             TEXT,            -- Place.to_dict() as JSON, or NULL
    lat                  REAL,
    lon                  REAL,
    country              TEXT,
    precision            TEXT,
    place_name           TEXT,
    actors               TEXT NOT NULL,   -- JSON list of Actor.to_dict()
    recipients           TEXT NOT NULL,
    actor_text           TEXT NOT NULL,   -- casefolded names, canonical names, IGO codes; one per line
    num_sources          INTEGER NOT NULL,
    first_seen           TEXT NOT NULL,
    updated              TEXT NOT NULL,
    change_seq           INTEGER NOT NULL
);
-- The page order: date newest first with undated events last, then seq.
CREATE INDEX events_order ON events(coalesce(date, ''), seq);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_acled_type ON events(acled_event_type);
CREATE INDEX events_country ON events(country);
CREATE INDEX events_updated ON events(updated);
CREATE INDEX events_change_seq ON events(change_seq);

-- Many rows per event, from many documents, once merging joins reports of one event.
CREATE TABLE evidence (
    id          INTEGER PRIMARY KEY,
    event_id    TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL,
    sentence    TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    lang        TEXT NOT NULL,
    url         TEXT,
    source      TEXT,
    UNIQUE (event_id, document_id, start, "end")
);
CREATE INDEX evidence_document ON evidence(document_id);
CREATE INDEX evidence_lang ON evidence(lang, event_id);

-- Bounding boxes of located events, keyed by events.seq.
CREATE VIRTUAL TABLE events_rtree USING rtree(seq, min_lon, max_lon, min_lat, max_lat);

-- One row per evidence row (rowid = evidence.id): its sentence and the title of its document.
CREATE VIRTUAL TABLE evidence_fts USING fts5(sentence, title, tokenize = 'unicode61 remove_diacritics 2');

CREATE TABLE kv (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
