-- The score a lead was last given (for a handed-over lead: the one routing got) and where the
-- lead came from, so sales' feedback can be read per rubric rule and per source.
ALTER TABLE leads ADD COLUMN score jsonb;
ALTER TABLE leads ADD COLUMN source text;

-- What was known about each lead when it was captured, frozen at first sight: the model's
-- training rows come from here and never from later state (activities, scores, outcomes).
CREATE TABLE lead_features (
  lead_id      uuid PRIMARY KEY,
  captured_at  timestamptz NOT NULL,
  features     jsonb       NOT NULL,
  recorded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lead_features_captured ON lead_features (captured_at);

-- Sales' verdicts (leads.handoff.v1) and outcomes (leads.outcome.v1), as the CRM sent them.
CREATE TABLE handoffs (
  lead_id     uuid        NOT NULL,
  rep_id      text        NOT NULL,
  decision    text        NOT NULL,
  reason      text,
  decided_at  timestamptz NOT NULL,
  PRIMARY KEY (lead_id, rep_id, decided_at)
);

CREATE TABLE outcomes (
  lead_id      uuid        NOT NULL,
  outcome      text        NOT NULL,
  reason       text,
  amount       numeric,
  occurred_at  timestamptz NOT NULL,
  PRIMARY KEY (lead_id, outcome, occurred_at)
);

-- The model registry: every trained model, what it was trained on and how well it did. The
-- newest row is the one scoring uses.
CREATE TABLE models (
  version      text PRIMARY KEY,
  trained_at   timestamptz NOT NULL,
  window_from  timestamptz NOT NULL,
  window_to    timestamptz NOT NULL,
  features     jsonb       NOT NULL,
  metrics      jsonb       NOT NULL,
  model        jsonb       NOT NULL,
  leads        integer     NOT NULL,
  converted    integer     NOT NULL
);
CREATE INDEX models_newest ON models (trained_at DESC);
