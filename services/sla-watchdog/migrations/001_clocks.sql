-- First-touch SLA clocks and the speed-to-lead they measured. Postgres is the timer store for
-- now: replicas share it and SKIP LOCKED keeps them from firing the same step twice.

-- One clock per routing attempt. `steps` is the plan made at routing time (level, action,
-- fireAt), so a playbook edited later does not move deadlines already promised.
CREATE TABLE clocks (
  lead_id      uuid        NOT NULL,
  attempt      integer     NOT NULL CHECK (attempt >= 1),
  segment      text        NOT NULL,
  rep_id       text,
  team_id      text,
  rule         text        NOT NULL,
  captured_at  timestamptz NOT NULL,
  routed_at    timestamptz NOT NULL,
  due_at       timestamptz NOT NULL,
  -- stopped: the lead was touched; cancelled: a newer routing attempt took over.
  state        text        NOT NULL CHECK (state IN ('running', 'stopped', 'cancelled')),
  next_step    integer     NOT NULL DEFAULT 0,
  -- NULL once every step has fired; the clock keeps running so a late touch is still measured.
  next_fire_at timestamptz,
  steps        jsonb       NOT NULL,
  -- The routed event's W3C traceparent, so a breach joins the lead's trace.
  traceparent  text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (lead_id, attempt)
);

-- The ticker's only query: the earliest due steps of running clocks.
CREATE INDEX clocks_due ON clocks (next_fire_at) WHERE state = 'running';

-- The first touch of each lead and how long it took. A touch that arrives before the lead's
-- routed event has no clock to measure against yet: its routing columns stay NULL until then.
CREATE TABLE first_touches (
  lead_id           uuid PRIMARY KEY,
  rep_id            text        NOT NULL,
  captured_at       timestamptz,
  routed_at         timestamptz,
  touched_at        timestamptz NOT NULL,
  speed_calendar_ms bigint,
  speed_business_ms bigint,
  within_sla        boolean,
  recorded_at       timestamptz NOT NULL DEFAULT now()
);
