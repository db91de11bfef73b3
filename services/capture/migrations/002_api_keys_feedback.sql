-- Keys that may call the capture API. Only a SHA-256 of each token is kept: tokens are long
-- random strings, so a fast hash is enough (nothing to brute-force), and lookups stay one
-- index probe. `prefix` is the first characters of the token, to tell keys apart in a list.
CREATE TABLE api_keys (
  id             uuid PRIMARY KEY,
  name           text        NOT NULL,
  kind           text        NOT NULL CHECK (kind IN ('public', 'secret')),
  token_hash     text        NOT NULL UNIQUE,
  prefix         text        NOT NULL,
  scopes         text[]      NOT NULL,
  origins        text[]      NOT NULL DEFAULT '{}',
  rate_per_minute integer    CHECK (rate_per_minute > 0),
  created_at     timestamptz NOT NULL DEFAULT now(),
  revoked_at     timestamptz,
  -- A public key lives in web pages: it may only create leads, and only from its origins.
  CHECK (kind = 'secret' OR (scopes = '{leads:create}' AND cardinality(origins) > 0))
);
CREATE INDEX api_keys_origins ON api_keys USING gin (origins) WHERE kind = 'public' AND revoked_at IS NULL;

-- Leads keep the spam assessment beside the payload, to answer GET /v1/leads/:id.
ALTER TABLE leads ADD COLUMN spam jsonb;

-- Feedback from CRMs and product (activity, touches, handoffs, outcomes), kept so that a
-- retry returns the original event id and GET /v1/leads/:id can tell the lead's status.
CREATE TABLE feedback (
  event_id        uuid PRIMARY KEY,
  lead_id         uuid        NOT NULL REFERENCES leads (id),
  kind            text        NOT NULL CHECK (kind IN ('activity', 'contacted', 'handoff', 'outcome')),
  idempotency_key text        NOT NULL UNIQUE,
  fingerprint     text        NOT NULL,
  data            jsonb       NOT NULL,
  occurred_at     timestamptz NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX feedback_lead ON feedback (lead_id, occurred_at);
