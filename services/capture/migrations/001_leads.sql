-- Every accepted lead, as accepted. The outbox row that announces it is written in the same
-- transaction, so a 202 means both are durable.
CREATE TABLE leads (
  id               uuid PRIMARY KEY,
  idempotency_key  text UNIQUE,
  fingerprint      text        NOT NULL,
  received_via     text        NOT NULL,
  payload          jsonb       NOT NULL,
  captured_at      timestamptz NOT NULL
);
CREATE INDEX leads_captured_at ON leads (captured_at);
