-- Roles, two factors and invitations for moderators. Accounts made before
-- roles existed could do everything, so they become admins.
ALTER TABLE moderators ADD COLUMN role TEXT NOT NULL DEFAULT 'moderator';
UPDATE moderators SET role = 'admin';
ALTER TABLE moderators ADD COLUMN disabled_at TIMESTAMP;
ALTER TABLE moderators ADD COLUMN last_login_at TIMESTAMP;
-- The TOTP secret, sealed with a key derived from SESSION_KEY; set but not
-- yet enabled while enrolment waits for its first code.
ALTER TABLE moderators ADD COLUMN totp_secret TEXT;
ALTER TABLE moderators ADD COLUMN totp_enabled_at TIMESTAMP;
-- The last 30-second step a code was accepted for: no code is used twice.
ALTER TABLE moderators ADD COLUMN totp_last_step BIGINT;

-- A session that has passed the password but still owes its code.
ALTER TABLE moderator_sessions ADD COLUMN awaiting_code BOOLEAN NOT NULL DEFAULT FALSE;

-- Single-use recovery codes; only hashes are kept.
CREATE TABLE moderator_recovery_codes (
    code_hash TEXT PRIMARY KEY,
    moderator_id BIGINT NOT NULL REFERENCES moderators (id) ON DELETE CASCADE,
    used_at TIMESTAMP
);
CREATE INDEX moderator_recovery_codes_moderator ON moderator_recovery_codes (moderator_id);

-- One-time invitations an admin sends; only the link's hash is kept.
CREATE TABLE moderator_invites (
    token_hash TEXT PRIMARY KEY,
    username TEXT NOT NULL,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    invited_by BIGINT NOT NULL REFERENCES moderators (id),
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);

-- What the queue filters on and the duplicate check and listing finder look
-- up, kept beside each version's JSON so no query has to parse it.
ALTER TABLE submissions ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE submissions ADD COLUMN city_key TEXT NOT NULL DEFAULT '';
ALTER TABLE submissions ADD COLUMN npi TEXT;
ALTER TABLE submissions ADD COLUMN flagged BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE submissions SET
    name_key = lower(trim((content::json ->> 'full_name'))),
    city_key = lower(trim(coalesce((content::json ->> 'city'), ''))),
    npi = (content::json ->> 'npi'),
    flagged = (lower(content) LIKE '%just stop%' OR lower(content) LIKE '%cold turkey%'
        OR lower(content) LIKE '%two-week taper%' OR lower(content) LIKE '%2 week taper%'
        OR lower(content) LIKE '%withdrawal isn''t%' OR lower(content) LIKE '%withdrawal is not a big%'
        OR lower(content) LIKE '%not addictive%');
CREATE INDEX submissions_queue ON submissions (status, id);
-- The queue's counts read this index alone.
CREATE INDEX submissions_counts ON submissions (status, kind, flagged, submitted_at);
CREATE INDEX submissions_npi ON submissions (npi);
CREATE INDEX submissions_name ON submissions (name_key, city_key);
CREATE INDEX submissions_city ON submissions (city_key);

-- The audit trail is read newest first, filtered by any of these.
DROP INDEX events_listing;
CREATE INDEX events_listing ON events (listing_id, id);
CREATE INDEX events_moderator ON events (moderator_id, id);
CREATE INDEX events_action ON events (action, id);
CREATE INDEX events_occurred ON events (occurred_at);
CREATE INDEX reports_open ON reports (status, id);
