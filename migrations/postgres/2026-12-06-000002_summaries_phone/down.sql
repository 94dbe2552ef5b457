UPDATE listing_summaries SET summary = (summary::jsonb - 'phone')::text;
