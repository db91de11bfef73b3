-- Shared by every service schema: the transactional outbox and the processed-event inbox.

-- Events waiting to be published. A row is written in the same transaction as the effect
-- that produced it and deleted once Kafka has acknowledged it.
CREATE TABLE outbox (
  id         bigserial PRIMARY KEY,
  topic      text        NOT NULL,
  key        text        NOT NULL,
  value      bytea       NOT NULL,
  headers    jsonb       NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Event ids whose effects are committed; a redelivered event finds its id here and is skipped.
CREATE TABLE processed_events (
  event_id     text PRIMARY KEY,
  topic        text        NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX processed_events_processed_at ON processed_events (processed_at);
