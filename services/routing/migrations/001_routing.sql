-- Who got each lead, attempt by attempt. Attempt 1 is the first routing; an escalation that
-- re-routes adds the next attempt and closes the one before. The primary key is what stops a
-- lead being routed twice: a second insert of the same attempt does nothing.
CREATE TABLE assignments (
  lead_id      uuid        NOT NULL,
  attempt      integer     NOT NULL CHECK (attempt >= 1),
  rep_id       text,
  team_id      text        NOT NULL,
  queue        text,
  method       text        NOT NULL,
  segment      text        NOT NULL,
  identity_id  uuid        NOT NULL,
  reason       text        NOT NULL,
  routed_at    timestamptz NOT NULL,
  closed_at    timestamptz,
  close_reason text,
  PRIMARY KEY (lead_id, attempt),
  CHECK (rep_id IS NOT NULL OR queue IS NOT NULL),
  CHECK ((closed_at IS NULL) = (close_reason IS NULL))
);

-- Capacity checks count each rep's open leads on every routing; only open rows matter.
CREATE INDEX assignments_open_by_rep ON assignments (rep_id) WHERE closed_at IS NULL AND rep_id IS NOT NULL;

-- The rep who owns a returning person. The first rep to get the person keeps them; a later
-- re-route of one lead does not move the person's other leads.
CREATE TABLE identity_owners (
  identity_id uuid        PRIMARY KEY,
  rep_id      text        NOT NULL,
  since       timestamptz NOT NULL
);

-- The lead as last scored. An SLA escalation carries only ids, and no service reads
-- another's tables, so a re-route rebuilds leads.routed.v1 from this copy.
CREATE TABLE routed_leads (
  lead_id    uuid        PRIMARY KEY,
  scored     jsonb       NOT NULL,
  updated_at timestamptz NOT NULL
);
