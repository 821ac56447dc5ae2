-- lagebild schema 2: a space-time index for the map's question (what happened here, then?).
-- Applied inside one transaction by lagebild.store.migrations; never edit a released migration, add one.

-- Located, dated events in space AND time: a map view (bbox + date range) is one R*Tree search,
-- however many events lie in the box at other times or in the period elsewhere. Days are Julian
-- day numbers of the event date (a partial date counts as its first day, as everywhere).
-- Kept by triggers, so every writer (any version of the store code, any process) maintains it.
CREATE VIRTUAL TABLE events_rtree_time USING rtree(seq, min_lon, max_lon, min_lat, max_lat, min_day, max_day);

INSERT INTO events_rtree_time (seq, min_lon, max_lon, min_lat, max_lat, min_day, max_day)
SELECT seq, lon, lon, lat, lat, julianday(substr(date || '-01-01', 1, 10)), julianday(substr(date || '-01-01', 1, 10))
FROM events
WHERE lat IS NOT NULL AND lon IS NOT NULL AND julianday(substr(date || '-01-01', 1, 10)) IS NOT NULL;

CREATE TRIGGER events_rtree_time_insert AFTER INSERT ON events
WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL AND julianday(substr(new.date || '-01-01', 1, 10)) IS NOT NULL
BEGIN
    INSERT INTO events_rtree_time (seq, min_lon, max_lon, min_lat, max_lat, min_day, max_day)
    VALUES (new.seq, new.lon, new.lon, new.lat, new.lat,
            julianday(substr(new.date || '-01-01', 1, 10)), julianday(substr(new.date || '-01-01', 1, 10)));
END;

CREATE TRIGGER events_rtree_time_update AFTER UPDATE OF lat, lon, date ON events
BEGIN
    DELETE FROM events_rtree_time WHERE seq = old.seq;
    INSERT INTO events_rtree_time (seq, min_lon, max_lon, min_lat, max_lat, min_day, max_day)
    SELECT new.seq, new.lon, new.lon, new.lat, new.lat,
           julianday(substr(new.date || '-01-01', 1, 10)), julianday(substr(new.date || '-01-01', 1, 10))
    WHERE new.lat IS NOT NULL AND new.lon IS NOT NULL
      AND julianday(substr(new.date || '-01-01', 1, 10)) IS NOT NULL;
END;

CREATE TRIGGER events_rtree_time_delete AFTER DELETE ON events
BEGIN
    DELETE FROM events_rtree_time WHERE seq = old.seq;
END;
