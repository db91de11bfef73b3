-- The people dedup knows. A lead belongs to exactly one identity; an identity is found
-- through any of its exact match keys.

CREATE TABLE identities (
  id            uuid PRIMARY KEY,
  first_lead_id uuid        NOT NULL,
  created_at    timestamptz NOT NULL,
  last_seen_at  timestamptz NOT NULL,
  lead_count    integer     NOT NULL DEFAULT 1 CHECK (lead_count > 0)
);

-- One owner per normalised key (kind 'email', 'phone', 'nameCompany'). The primary key is
-- what makes concurrent resolution safe: two transactions claiming the same key serialise
-- on it, and the later one finds the earlier one's identity.
CREATE TABLE identity_keys (
  kind        text        NOT NULL,
  value       text        NOT NULL,
  identity_id uuid        NOT NULL REFERENCES identities (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, value)
);
CREATE INDEX identity_keys_identity_id ON identity_keys (identity_id);

-- The answer given for each lead, kept so that resolving the same lead again returns it.
CREATE TABLE identity_leads (
  lead_id      uuid PRIMARY KEY,
  identity_id  uuid        NOT NULL REFERENCES identities (id),
  is_duplicate boolean     NOT NULL,
  duplicate_of uuid,
  matched_on   text[]      NOT NULL DEFAULT '{}',
  created_at   timestamptz NOT NULL,
  CHECK (is_duplicate = (duplicate_of IS NOT NULL))
);
CREATE INDEX identity_leads_identity_id ON identity_leads (identity_id);
