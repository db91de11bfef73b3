-- What scoring knows about each lead it has seen: the pipeline data it was scored from, so
-- a later activity can re-score it, and whether it was already handed to routing.
CREATE TABLE leads (
  lead_id      uuid PRIMARY KEY,
  data         jsonb       NOT NULL,
  stage        text        NOT NULL,
  total        numeric     NOT NULL,
  handed_over  boolean     NOT NULL DEFAULT false,
  scored_at    timestamptz NOT NULL
);

-- Activities by lead; one may arrive before its lead does and is used once the lead comes.
CREATE TABLE activities (
  activity_id  text PRIMARY KEY,
  lead_id      uuid        NOT NULL,
  activity     text        NOT NULL,
  occurred_at  timestamptz NOT NULL
);
CREATE INDEX activities_lead ON activities (lead_id, occurred_at);
