-- Someone saying an unclaimed (imported) listing is theirs. A claim whose
-- address shares the listing's domain is confirmed by a mailed link; any
-- other waits for a moderator. Status 'pending', 'approved' or 'rejected'.
CREATE TABLE claims (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    listing_id BIGINT NOT NULL REFERENCES listings (id),
    email TEXT NOT NULL,
    npi TEXT,
    message TEXT,
    status TEXT NOT NULL,
    -- True when the address shares the listing's domain: the mailed link decides.
    by_link BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL,
    decided_at TIMESTAMP,
    decided_by BIGINT REFERENCES moderators (id),
    reason TEXT
);
CREATE INDEX claims_status ON claims (status, by_link, created_at);
CREATE INDEX claims_listing ON claims (listing_id);

-- One-time links that confirm a claim; only hashes are kept.
CREATE TABLE claim_links (
    token_hash TEXT PRIMARY KEY,
    claim_id BIGINT NOT NULL REFERENCES claims (id),
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);
