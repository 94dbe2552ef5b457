-- FHIR's `_lastUpdated` search and its pages read public listings by when
-- they last changed, then by id.
CREATE INDEX listings_updated ON listings (status, updated_at, id);
