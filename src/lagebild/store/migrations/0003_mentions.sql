-- lagebild schema 3: what was read (mentions) apart from what happened (events).
-- Applied inside one transaction by lagebild.store.migrations; never edit a released migration, add one.

-- One row per reading of one trigger in one sentence, as the pipeline made it. An event is the
-- group of its mentions (event_id); `lagebild merge --rebuild` re-groups them without re-reading.
CREATE TABLE mentions (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT NOT NULL UNIQUE,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_id    TEXT,
    confidence  REAL NOT NULL,
    data        TEXT NOT NULL,   -- Event.to_dict() of the mention (one evidence sentence)
    embedding   BLOB             -- float16 unit vector of the sentence, when the merge needed it
);
CREATE INDEX mentions_event ON mentions(event_id, confidence);
CREATE INDEX mentions_document ON mentions(document_id, seq);

-- Events existing before this schema are their own (only) mention.
INSERT INTO mentions (id, document_id, event_id, confidence, data)
SELECT e.id || ':' || ev.document_id, ev.document_id, e.id, e.confidence,
       json_object('id', e.id, 'type', e.type, 'mode', e.mode, 'acled_event_type', e.acled_event_type,
                   'acled_sub_event_type', e.acled_sub_event_type, 'cameo_root', e.cameo_root,
                   'actors', json(e.actors), 'recipients', json(e.recipients), 'location', json(e.location),
                   'date', e.date, 'date_precision', e.date_precision, 'modality', e.modality,
                   'confidence', e.confidence,
                   'evidence', json_array(json_object('document_id', ev.document_id, 'url', ev.url,
                                                      'source', ev.source, 'lang', ev.lang,
                                                      'sentence', ev.sentence, 'start', ev.start,
                                                      'end', ev."end")),
                   'num_sources', 1, 'first_seen', e.first_seen, 'updated', e.updated)
FROM events e JOIN evidence ev ON ev.id = (SELECT min(id) FROM evidence WHERE event_id = e.id)
WHERE EXISTS (SELECT 1 FROM documents d WHERE d.id = ev.document_id);

ALTER TABLE events ADD COLUMN num_articles INTEGER NOT NULL DEFAULT 1;
ALTER TABLE events ADD COLUMN num_mentions INTEGER NOT NULL DEFAULT 1;
ALTER TABLE events ADD COLUMN languages TEXT NOT NULL DEFAULT '[]';   -- JSON list of ISO 639-1 codes
ALTER TABLE events ADD COLUMN fatalities INTEGER;
ALTER TABLE events ADD COLUMN injured INTEGER;
ALTER TABLE events ADD COLUMN disagreement TEXT NOT NULL DEFAULT '{}'; -- JSON: what reports disagree on
ALTER TABLE events ADD COLUMN names TEXT NOT NULL DEFAULT '[]';       -- JSON: the merge's name signature
ALTER TABLE events ADD COLUMN embedding BLOB;                         -- float16 vector of the lead sentence

-- The merge's candidate search: same type and modality, dates in a window (in one country).
CREATE INDEX events_merge ON events(type, modality, date);
CREATE INDEX events_merge_country ON events(country, type, modality, date);

-- The merge's name block: events by the names they report (victims, streets, venues), dated by
-- the event's Julian day, so that a report whose place was read wrong still meets its event.
CREATE TABLE event_names (
    name TEXT NOT NULL,
    seq  INTEGER NOT NULL,
    day  REAL NOT NULL,
    PRIMARY KEY (name, seq)
) WITHOUT ROWID;
CREATE INDEX event_names_day ON event_names(name, day);
