DROP TABLE recovery_tokens;
DROP TABLE outbox;
ALTER TABLE moderators DROP COLUMN email;
ALTER TABLE listings DROP COLUMN confirmed_at;
ALTER TABLE listings DROP COLUMN language;
