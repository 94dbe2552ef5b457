DROP INDEX listings_contact_email;
ALTER TABLE listings DROP COLUMN contact_email_key;
DROP TABLE rate_limits;
ALTER TABLE moderator_sessions DROP COLUMN last_seen_at;
ALTER TABLE moderator_sessions DROP COLUMN pending_totp_secret;
ALTER TABLE moderator_sessions DROP COLUMN second_factor;
