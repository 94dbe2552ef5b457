CREATE TABLE moderators (
    id BIGSERIAL PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

-- A moderator's login: the cookie carries the token, only its hash is kept,
-- so logging out or expiry ends the session for good.
CREATE TABLE moderator_sessions (
    token_hash TEXT PRIMARY KEY,
    moderator_id BIGINT NOT NULL REFERENCES moderators (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);

-- One row per clinician. `content` is the approved, public version (JSON),
-- NULL until a first approval; pending versions live in `submissions`.
CREATE TABLE listings (
    id BIGSERIAL PRIMARY KEY,
    status TEXT NOT NULL,
    content TEXT,
    status_reason TEXT,
    manage_token_hash TEXT NOT NULL UNIQUE,
    is_demo BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    last_reviewed_at TIMESTAMP
);
CREATE INDEX listings_status ON listings (status);

-- One row per public listing: the part of its content that search results
-- show, kept apart and small so the search index loads quickly.
CREATE TABLE listing_summaries (
    listing_id BIGINT PRIMARY KEY REFERENCES listings (id),
    summary TEXT NOT NULL
);

CREATE TABLE submissions (
    id BIGSERIAL PRIMARY KEY,
    listing_id BIGINT NOT NULL REFERENCES listings (id),
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    content TEXT NOT NULL,
    submitted_at TIMESTAMP NOT NULL,
    decided_at TIMESTAMP,
    decided_by BIGINT REFERENCES moderators (id),
    decision_note TEXT
);
CREATE INDEX submissions_listing ON submissions (listing_id);
CREATE INDEX submissions_status ON submissions (status, submitted_at);

CREATE TABLE reports (
    id BIGSERIAL PRIMARY KEY,
    listing_id BIGINT NOT NULL REFERENCES listings (id),
    reason TEXT NOT NULL,
    details TEXT,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    resolved_at TIMESTAMP,
    resolved_by BIGINT REFERENCES moderators (id),
    resolution_note TEXT
);
CREATE INDEX reports_status ON reports (status, created_at);

CREATE TABLE events (
    id BIGSERIAL PRIMARY KEY,
    occurred_at TIMESTAMP NOT NULL,
    actor TEXT NOT NULL,
    moderator_id BIGINT REFERENCES moderators (id),
    action TEXT NOT NULL,
    listing_id BIGINT REFERENCES listings (id),
    submission_id BIGINT REFERENCES submissions (id),
    report_id BIGINT REFERENCES reports (id),
    reason TEXT,
    changes TEXT NOT NULL
);
CREATE INDEX events_listing ON events (listing_id);

-- The audit trail is append-only.
CREATE FUNCTION forbid_event_changes() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION forbid_event_changes();
