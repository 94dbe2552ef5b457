-- Where an imported listing came from (`hsds:<service id>`), so that importing
-- the same package again adds nothing; and the review date, which HSDS's
-- `modified_after` filters on.
ALTER TABLE listings ADD COLUMN import_key TEXT;
CREATE UNIQUE INDEX listings_import_key ON listings (import_key);
CREATE INDEX listings_public_reviewed ON listings (status, last_reviewed_at);
