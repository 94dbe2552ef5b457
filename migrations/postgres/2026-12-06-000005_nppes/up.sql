-- The national provider registry (CMS NPPES), loaded from its dissemination
-- file. Each load's rows carry its id; only the load marked current is read,
-- so a new full file is loaded beside the old one and replaces it at once.
CREATE TABLE nppes_loads (
    id BIGSERIAL PRIMARY KEY,
    file_name TEXT NOT NULL,
    -- The day the file runs to: from its name, else its newest Last Update Date.
    file_date DATE,
    -- 'full' replaces the registry; 'weekly' updates it.
    kind TEXT NOT NULL,
    -- 'loading', 'current', 'merged' (a weekly load folded into the current one),
    -- 'replaced' or 'failed'.
    status TEXT NOT NULL,
    rows_read BIGINT NOT NULL DEFAULT 0,
    individuals BIGINT NOT NULL DEFAULT 0,
    deactivated BIGINT NOT NULL DEFAULT 0,
    started_at TIMESTAMP NOT NULL,
    loaded_at TIMESTAMP
);
CREATE INDEX nppes_loads_status ON nppes_loads (status, id);

-- One individual provider, or a deactivated NPI, of one load.
CREATE TABLE nppes_providers (
    load_id BIGINT NOT NULL,
    npi TEXT NOT NULL,
    last_name TEXT NOT NULL,
    first_name TEXT NOT NULL,
    middle_name TEXT NOT NULL,
    credential TEXT,
    city TEXT,
    state TEXT,
    postal_code TEXT,
    phone TEXT,
    -- The primary taxonomy: the one whose switch is Y, else the first.
    taxonomy_code TEXT,
    -- Every licence's state code, separated by spaces, each once.
    licence_states TEXT NOT NULL,
    last_update DATE,
    deactivated_on DATE,
    reactivated_on DATE,
    PRIMARY KEY (load_id, npi)
);

-- The day a listing's NPI matched the registry, at its approval.
ALTER TABLE listings ADD COLUMN npi_verified_on DATE;
