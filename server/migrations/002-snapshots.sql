-- Named states of maps (issue 19; server/store/snapshot-store.ts): the whole document state at
-- one moment, beside the map's update log, never inside it. `ord` breaks ties between
-- snapshots taken in the same millisecond, as SQLite's rowid does.
CREATE TABLE snapshots (
  id         text PRIMARY KEY,
  map_id     text NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
  ord        bigint GENERATED ALWAYS AS IDENTITY,
  name       text NOT NULL,
  created_at bigint NOT NULL,
  author     text NOT NULL DEFAULT '',
  auto       text,
  factors    integer NOT NULL,
  links      integer NOT NULL,
  state      bytea NOT NULL
);

CREATE INDEX snapshots_by_map ON snapshots (map_id, created_at, ord);

-- Yjs states are binary and compress poorly: out of line, without trying.
ALTER TABLE snapshots ALTER COLUMN state SET STORAGE EXTERNAL;
