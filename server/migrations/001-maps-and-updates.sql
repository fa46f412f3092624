-- Maps, their tokens' hashes and their update logs (the same records as the SQLite store).
-- A map's updates are numbered 1, 2, 3… by the map's own counter, `head`: an append bumps
-- it under the map row's lock, so within a map a higher number always commits later. That is
-- what lets a relay read "everything after n" without missing an update that a slower
-- transaction numbered earlier but committed after (as a shared serial would allow).
CREATE TABLE maps (
  id         text PRIMARY KEY,
  edit_hash  bytea NOT NULL,
  view_hash  bytea NOT NULL,
  created_at bigint NOT NULL,
  head       bigint NOT NULL DEFAULT 0
);

CREATE TABLE updates (
  map_id text NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
  seq    bigint NOT NULL,
  data   bytea NOT NULL,
  PRIMARY KEY (map_id, seq)
);

-- Yjs updates are binary and compress poorly: store them out of line without trying.
ALTER TABLE updates ALTER COLUMN data SET STORAGE EXTERNAL;
