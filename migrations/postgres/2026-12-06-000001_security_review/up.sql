-- Each session keeps its own second factor and its own TOTP secret while it
-- enrols. Sessions from before cannot say whether they gave a code, so they
-- end (moderators log in again), and secrets still waiting on an account,
-- which any of its sessions could read, are dropped.
DELETE FROM moderator_sessions;
ALTER TABLE moderator_sessions ADD COLUMN second_factor BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE moderator_sessions ADD COLUMN pending_totp_secret TEXT;
ALTER TABLE moderator_sessions ADD COLUMN last_seen_at TIMESTAMP NOT NULL DEFAULT '1970-01-01 00:00:00';
UPDATE moderators SET totp_secret = NULL WHERE totp_enabled_at IS NULL;

-- Rate-limit counters shared by every instance: one fixed window a key.
-- Keys are a limit's name and a hash of whom it counts.
CREATE TABLE rate_limits (
    key TEXT PRIMARY KEY,
    hits BIGINT NOT NULL,
    window_ends_at TIMESTAMP NOT NULL
);
CREATE INDEX rate_limits_window ON rate_limits (window_ends_at);

-- The current contact email in lower case, so a lost-link request finds its
-- listings through an index instead of scanning every version's JSON.
ALTER TABLE listings ADD COLUMN contact_email_key TEXT;
UPDATE listings SET contact_email_key = lower(btrim((coalesce(content,
    (SELECT s.content FROM submissions s WHERE s.listing_id = listings.id ORDER BY s.id DESC LIMIT 1)
    )::json ->> 'contact_email')));
CREATE INDEX listings_contact_email ON listings (contact_email_key);
