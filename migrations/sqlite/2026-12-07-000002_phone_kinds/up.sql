-- Numbers have kinds now: a listing stored with one `phone` has it as its
-- one voice number in `phones`.
UPDATE listings
SET content = json_set(content, '$.phones', json_array(json_object('number', json_extract(content, '$.phone'), 'kind', 'voice')))
WHERE content IS NOT NULL AND json_type(content, '$.phone') = 'text' AND json_type(content, '$.phones') IS NULL;

UPDATE submissions
SET content = json_set(content, '$.phones', json_array(json_object('number', json_extract(content, '$.phone'), 'kind', 'voice')))
WHERE json_type(content, '$.phone') = 'text' AND json_type(content, '$.phones') IS NULL;
