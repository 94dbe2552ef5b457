-- Listings and submissions stored before family and given names were asked.
-- At the next start `db::names::derive_missing` derives each one's names from
-- its display name, once, marks them as derived for moderators to check, and
-- takes the row out of this table.
CREATE TABLE names_to_derive (
    kind TEXT NOT NULL,
    id BIGINT NOT NULL,
    PRIMARY KEY (kind, id)
);
INSERT INTO names_to_derive (kind, id) SELECT 'listing', id FROM listings WHERE content IS NOT NULL;
INSERT INTO names_to_derive (kind, id) SELECT 'submission', id FROM submissions;
