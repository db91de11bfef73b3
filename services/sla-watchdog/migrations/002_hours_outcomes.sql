-- Whose hours each clock counts in, how it ended, leads closed as duplicate or spam, and every
-- fired step: what the RevOps figures are computed from (no scanning of Kafka).

-- deadline: {firstTouch, clock, timezone, hoursFrom}, the rule in parts for the breach event.
-- hours: {zone, hours, from}, so speed-to-lead in business time uses the owner's hours.
-- ended_at: the touch for a stopped clock, the re-route or closure for a cancelled one.
ALTER TABLE clocks
  ADD COLUMN deadline   jsonb,
  ADD COLUMN hours      jsonb,
  ADD COLUMN ended_at   timestamptz,
  ADD COLUMN end_reason text CHECK (end_reason IN ('touched', 'rerouted', 'duplicate', 'spam', 'not_a_lead'));

CREATE INDEX clocks_routed_at ON clocks (routed_at);

-- A lead rejected as a duplicate or spam: its clock is cancelled, and a routed event handled
-- after the rejection (the topics race) starts its clock cancelled too.
CREATE TABLE closed_leads (
  lead_id   uuid PRIMARY KEY,
  reason    text        NOT NULL,
  closed_at timestamptz NOT NULL
);

-- One row per fired step, written in the ticker's transaction with the outbox row; the primary
-- key is a second guard that a step fires once.
CREATE TABLE fired_steps (
  lead_id   uuid        NOT NULL,
  attempt   integer     NOT NULL,
  step      integer     NOT NULL,
  level     text        NOT NULL,
  action    text        NOT NULL,
  segment   text        NOT NULL,
  rep_id    text,
  team_id   text,
  routed_at timestamptz NOT NULL,
  fire_at   timestamptz NOT NULL,
  fired_at  timestamptz NOT NULL,
  PRIMARY KEY (lead_id, attempt, step)
);

CREATE INDEX fired_steps_routed_at ON fired_steps (routed_at);
