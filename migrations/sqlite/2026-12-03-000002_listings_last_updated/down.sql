DROP INDEX listings_updated;
