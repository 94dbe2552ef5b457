ALTER TABLE listings DROP COLUMN claimed;
DROP TABLE directory_settings;
