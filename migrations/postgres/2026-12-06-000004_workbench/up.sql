-- What the queue's search and region filter look up, beside each version's JSON.
ALTER TABLE submissions ADD COLUMN email_key TEXT NOT NULL DEFAULT '';
-- The listing's region as ISO 3166-2 ("US-OR"); none when no region was given.
ALTER TABLE submissions ADD COLUMN region_code TEXT;
UPDATE submissions SET
    email_key = lower(trim(coalesce((content::json ->> 'contact_email'), ''))),
    region_code = CASE WHEN coalesce(trim((content::json ->> 'region')), '') = '' THEN NULL
        ELSE upper(trim((content::json ->> 'country'))) || '-' || upper(trim((content::json ->> 'region'))) END;
CREATE INDEX submissions_email ON submissions (email_key);
CREATE INDEX submissions_region ON submissions (status, region_code, id);

-- Who opened a pending submission last, and when: the others see it for a
-- while. A claim is a courtesy; the decision itself still conflicts.
CREATE TABLE submission_claims (
    submission_id BIGINT PRIMARY KEY REFERENCES submissions (id) ON DELETE CASCADE,
    moderator_id BIGINT NOT NULL REFERENCES moderators (id) ON DELETE CASCADE,
    claimed_at TIMESTAMP NOT NULL
);
CREATE INDEX submission_claims_time ON submission_claims (claimed_at);

-- Ready-made rejection reasons, in both languages, that admins edit.
CREATE TABLE rejection_reasons (
    id BIGSERIAL PRIMARY KEY,
    text_en TEXT NOT NULL,
    text_es TEXT NOT NULL
);
INSERT INTO rejection_reasons (text_en, text_es) VALUES
    ('We could not confirm your licence or NPI. Please check the number and send the listing again.',
     'No pudimos confirmar su licencia o su NPI. Revise el número y envíe la ficha de nuevo.'),
    ('Your answers describe tapers faster than the patient-led, symptom-guided pace this directory lists.',
     'Sus respuestas describen reducciones más rápidas que el ritmo guiado por los síntomas y marcado por el paciente que lista este directorio.'),
    ('The practice address is incomplete. Please add the street address and postal code.',
     'La dirección de la consulta está incompleta. Añada la calle y el código postal.'),
    ('This listing repeats one already in the directory. Please edit the existing listing instead.',
     'Esta ficha repite otra que ya está en el directorio. Edite la ficha existente en su lugar.');
