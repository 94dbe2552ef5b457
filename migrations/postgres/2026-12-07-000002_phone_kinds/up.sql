-- Numbers have kinds now: a listing stored with one `phone` has it as its
-- one voice number in `phones`.
UPDATE listings
SET content = (content::jsonb || jsonb_build_object(
    'phones', jsonb_build_array(jsonb_build_object('number', content::jsonb -> 'phone', 'kind', 'voice'))
))::text
WHERE content IS NOT NULL AND jsonb_typeof(content::jsonb -> 'phone') = 'string' AND content::jsonb -> 'phones' IS NULL;

UPDATE submissions
SET content = (content::jsonb || jsonb_build_object(
    'phones', jsonb_build_array(jsonb_build_object('number', content::jsonb -> 'phone', 'kind', 'voice'))
))::text
WHERE jsonb_typeof(content::jsonb -> 'phone') = 'string' AND content::jsonb -> 'phones' IS NULL;
