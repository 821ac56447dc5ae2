-- lagebild schema 5: the map's default view answered from one R*Tree, without reading event rows.
-- Applied inside one transaction by lagebild.store.migrations; never edit a released migration, add one.

-- The events a map shows by default (asserted, not flagged by an analyst) that have a place and a
-- date: a map view's page and its count are searched and ordered here alone. events_rtree_time
-- needs each match's row to check modality and flag, and those reads were most of the CPU of a
-- map view on 1,000,000 events (issue #13). The day dimension is a sort key, not a day number:
-- ordinal day * 4 + 0 (a year), 1 (a month) or 2 (a day), which orders partial dates exactly as
-- their ISO text sorts ('2024' < '2024-03' < '2024-03-01' < '2024-03-02'); integers below 2^24 are
-- exact in the R*Tree's 32-bit floats. Only canonical dates (YYYY, YYYY-MM, YYYY-MM-DD) are kept.
-- Kept by triggers, so every writer (any version of the store code, any process) maintains it.
CREATE VIRTUAL TABLE events_map USING rtree(seq, min_lon, max_lon, min_lat, max_lat, min_key, max_key);

INSERT INTO events_map (seq, min_lon, max_lon, min_lat, max_lat, min_key, max_key)
SELECT seq, lon, lon, lat, lat,
       (julianday(substr(date || '-01-01', 1, 10)) - 1721424.5) * 4 + (length(date) - 4) / 3,
       (julianday(substr(date || '-01-01', 1, 10)) - 1721424.5) * 4 + (length(date) - 4) / 3
FROM events
WHERE lat IS NOT NULL AND lon IS NOT NULL AND modality = 'asserted' AND flagged = 0
  AND length(date) IN (4, 7, 10)
  AND date(substr(date || '-01-01', 1, 10)) = substr(date || '-01-01', 1, 10);

CREATE TRIGGER events_map_insert AFTER INSERT ON events
WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL AND new.modality = 'asserted' AND new.flagged = 0
  AND length(new.date) IN (4, 7, 10)
  AND date(substr(new.date || '-01-01', 1, 10)) = substr(new.date || '-01-01', 1, 10)
BEGIN
    INSERT INTO events_map (seq, min_lon, max_lon, min_lat, max_lat, min_key, max_key)
    VALUES (new.seq, new.lon, new.lon, new.lat, new.lat,
            (julianday(substr(new.date || '-01-01', 1, 10)) - 1721424.5) * 4 + (length(new.date) - 4) / 3,
            (julianday(substr(new.date || '-01-01', 1, 10)) - 1721424.5) * 4 + (length(new.date) - 4) / 3);
END;

CREATE TRIGGER events_map_update AFTER UPDATE OF lat, lon, date, modality, flagged ON events
BEGIN
    DELETE FROM events_map WHERE seq = old.seq;
    INSERT INTO events_map (seq, min_lon, max_lon, min_lat, max_lat, min_key, max_key)
    SELECT new.seq, new.lon, new.lon, new.lat, new.lat,
           (julianday(substr(new.date || '-01-01', 1, 10)) - 1721424.5) * 4 + (length(new.date) - 4) / 3,
           (julianday(substr(new.date || '-01-01', 1, 10)) - 1721424.5) * 4 + (length(new.date) - 4) / 3
    WHERE new.lat IS NOT NULL AND new.lon IS NOT NULL AND new.modality = 'asserted' AND new.flagged = 0
      AND length(new.date) IN (4, 7, 10)
      AND date(substr(new.date || '-01-01', 1, 10)) = substr(new.date || '-01-01', 1, 10);
END;

CREATE TRIGGER events_map_delete AFTER DELETE ON events
BEGIN
    DELETE FROM events_map WHERE seq = old.seq;
END;
