DROP TABLE events;
DROP TABLE reports;
DROP TABLE submissions;
DROP TABLE listing_summaries;
DROP TABLE listings;
DROP TABLE moderator_sessions;
DROP TABLE moderators;
DROP FUNCTION forbid_event_changes();
