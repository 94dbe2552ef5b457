DROP TABLE rejection_reasons;
DROP TABLE submission_claims;
DROP INDEX submissions_region;
DROP INDEX submissions_email;
ALTER TABLE submissions DROP COLUMN region_code;
ALTER TABLE submissions DROP COLUMN email_key;
