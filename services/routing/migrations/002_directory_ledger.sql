-- The rep directory, owned by routing and edited through its admin API (seeded from
-- infra/seed/directory.yaml when empty). Each row is the validated document of one team or
-- rep; position keeps the seed's order, which breaks ties in the rotation.
CREATE TABLE directory_teams (
  id         text        PRIMARY KEY,
  doc        jsonb       NOT NULL,
  position   bigserial,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE directory_reps (
  id         text        PRIMARY KEY,
  team_id    text        NOT NULL,
  doc        jsonb       NOT NULL,
  position   bigserial,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The fairness ledger: credits per rep per pool. `eligible` remembers who could take the
-- pool's previous lead, so a rep coming back is levelled up instead of flooded.
CREATE TABLE pool_ledger (
  pool       text             NOT NULL,
  rep_id     text             NOT NULL,
  credits    double precision NOT NULL DEFAULT 0,
  eligible   boolean          NOT NULL DEFAULT false,
  updated_at timestamptz      NOT NULL,
  PRIMARY KEY (pool, rep_id)
);

-- Why each credit moved. The key makes a lead count once per attempt, and be credited back
-- at most once.
CREATE TABLE ledger_entries (
  lead_id  uuid             NOT NULL,
  attempt  integer          NOT NULL,
  kind     text             NOT NULL CHECK (kind IN ('counted', 'credited_back')),
  pool     text             NOT NULL,
  rep_id   text             NOT NULL,
  delta    double precision NOT NULL,
  reason   text             NOT NULL,
  at       timestamptz      NOT NULL,
  PRIMARY KEY (lead_id, attempt, kind)
);

-- The decision log: how each attempt was decided, queryable by lead id.
ALTER TABLE assignments
  ADD COLUMN previous_rep_id text,
  ADD COLUMN sla_due_at      timestamptz,
  ADD COLUMN decision        jsonb;

-- The per-day cap counts a rep's assignments of the last day or so.
CREATE INDEX assignments_by_rep_time ON assignments (rep_id, routed_at) WHERE rep_id IS NOT NULL;
