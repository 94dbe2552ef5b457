UPDATE listing_summaries SET summary = json_remove(summary, '$.phone');
