-- Search results show each clinician's main phone number: copy it from the
-- approved content into every summary stored before they did.
UPDATE listing_summaries
SET summary = json_set(
    summary,
    '$.phone',
    (SELECT json_extract(listings.content, '$.phone') FROM listings WHERE listings.id = listing_summaries.listing_id)
);
