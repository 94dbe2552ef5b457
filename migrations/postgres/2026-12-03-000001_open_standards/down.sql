DROP INDEX listings_public_reviewed;
DROP INDEX listings_import_key;
ALTER TABLE listings DROP COLUMN import_key;
