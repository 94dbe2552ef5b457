-- The language a clinician used on the site, for the mail they get; when
-- they last confirmed their details (set on approval too).
ALTER TABLE listings ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
ALTER TABLE listings ADD COLUMN confirmed_at TIMESTAMP;

ALTER TABLE moderators ADD COLUMN email TEXT;

-- Mail waiting to go out, written in the same transaction as the change that
-- causes it. `dedupe_key` makes a message that must go once (a reminder for
-- one due date) impossible to write twice, whichever process writes it.
CREATE TABLE outbox (
    id BIGSERIAL PRIMARY KEY,
    message_id TEXT NOT NULL UNIQUE,
    dedupe_key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    listing_id BIGINT REFERENCES listings (id),
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

-- One-time links that replace a lost manage token; only hashes are kept.
CREATE TABLE recovery_tokens (
    token_hash TEXT PRIMARY KEY,
    listing_id BIGINT NOT NULL REFERENCES listings (id),
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);
CREATE INDEX recovery_tokens_listing ON recovery_tokens (listing_id);
