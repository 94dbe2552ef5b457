UPDATE listings SET content = (content::jsonb - 'phones')::text WHERE content IS NOT NULL;
UPDATE submissions SET content = (content::jsonb - 'phones')::text;
