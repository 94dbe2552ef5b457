-- Facts about this directory that every process must agree on, whatever its
-- settings: the namespace of its HSDS ids, written once on first start.
CREATE TABLE directory_settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- False for a listing imported from a public list that no clinician has
-- claimed yet: it has no manage link and is never mailed.
ALTER TABLE listings ADD COLUMN claimed BOOLEAN NOT NULL DEFAULT TRUE;
