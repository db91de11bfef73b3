-- Probabilistic matching: every lead is kept as a normalised record filed under blocking
-- keys; identities group records; possible matches wait for review; accounts group companies.

-- pg_trgm lives once per database, in public: created inside a service schema it would be
-- dropped with that schema (a namespace teardown drops schemas CASCADE) and take every other
-- schema's trigram index with it. The lock serialises replicas and test namespaces that
-- migrate at once, which would otherwise race on pg_extension's unique name.
SELECT pg_advisory_xact_lock(hashtext('leadwire:create-extension:pg_trgm'));
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- Exact keys are now blocking keys of match_records; advisory locks on them serialise leads.
DROP TABLE identity_keys;

ALTER TABLE identities
  ADD COLUMN merged_into uuid REFERENCES identities (id),
  ADD COLUMN profile     jsonb NOT NULL DEFAULT '{}';

ALTER TABLE identity_leads
  ADD COLUMN decision          text NOT NULL DEFAULT 'distinct' CHECK (decision IN ('merge', 'review', 'distinct')),
  ADD COLUMN match_probability double precision,
  ADD COLUMN match_weight      double precision,
  ADD COLUMN evidence          jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN intent            text,
  ADD COLUMN channel           text;

-- One normalised record per lead; the id orders records newest first within a key.
CREATE TABLE match_records (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  lead_id     uuid        NOT NULL UNIQUE,
  identity_id uuid        NOT NULL REFERENCES identities (id),
  record      jsonb       NOT NULL,
  created_at  timestamptz NOT NULL
);
CREATE INDEX match_records_identity_id ON match_records (identity_id);

-- Candidate search: one backward range scan of this primary key per blocking key, limited
-- to the newest few records, so its cost does not grow with the number of identities.
CREATE TABLE match_keys (
  key       text   NOT NULL,
  record_id bigint NOT NULL REFERENCES match_records (id) ON DELETE CASCADE,
  PRIMARY KEY (key, record_id)
);
CREATE INDEX match_keys_record_id ON match_keys (record_id);

CREATE TABLE reviews (
  id                    uuid PRIMARY KEY,
  lead_id               uuid        NOT NULL UNIQUE,
  identity_id           uuid        NOT NULL REFERENCES identities (id),
  candidate_identity_id uuid        NOT NULL REFERENCES identities (id),
  candidate_lead_id     uuid        NOT NULL,
  match_probability     double precision NOT NULL,
  match_weight          double precision NOT NULL,
  evidence              jsonb       NOT NULL,
  -- The lead and enrichment as consumed, to publish the corrected answer on confirm.
  event                 jsonb       NOT NULL,
  status                text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'split')),
  decided_at            timestamptz,
  decided_by            text,
  created_at            timestamptz NOT NULL
);
CREATE INDEX reviews_pending ON reviews (created_at) WHERE status = 'pending';

-- Pairs a reviewer split: never merged automatically afterwards.
CREATE TABLE identity_exclusions (
  identity_id       uuid NOT NULL REFERENCES identities (id),
  other_identity_id uuid NOT NULL REFERENCES identities (id),
  PRIMARY KEY (identity_id, other_identity_id)
);

CREATE TABLE accounts (
  id              uuid PRIMARY KEY,
  name            text,
  normalized_name text,
  country         text,
  phone           text,
  postcode        text,
  owner_rep_id    text,
  crm_id          text UNIQUE,
  source          text        NOT NULL CHECK (source IN ('lead', 'crm')),
  created_at      timestamptz NOT NULL
);
CREATE INDEX accounts_name_trgm ON accounts USING gin (normalized_name public.gin_trgm_ops);

CREATE TABLE account_domains (
  domain     text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts (id)
);

-- Fellegi–Sunter parameters learned by EM from this store; the newest row is used.
CREATE TABLE match_models (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  params     jsonb       NOT NULL,
  records    integer     NOT NULL,
  pairs      integer     NOT NULL,
  trained_at timestamptz NOT NULL DEFAULT now()
);

-- The answer published for each lead, returned as is when the same lead comes again.
ALTER TABLE identity_leads ADD COLUMN result jsonb;
