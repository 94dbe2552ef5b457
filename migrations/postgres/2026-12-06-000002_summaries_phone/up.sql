-- Search results show each clinician's main phone number: copy it from the
-- approved content into every summary stored before they did.
UPDATE listing_summaries
SET summary = (
    summary::jsonb || jsonb_build_object(
        'phone',
        (SELECT listings.content::jsonb -> 'phone' FROM listings WHERE listings.id = listing_summaries.listing_id)
    )
)::text;
