-- The local firmographic store: what RevOps knows about companies, keyed by web domain and
-- loaded from CSV (`node services/enrichment/src/firmographics/load-csv.ts <file>`). It is the
-- first provider in the default waterfall and needs no network.
CREATE TABLE firmographics (
  domain        text PRIMARY KEY CHECK (domain = lower(domain)),
  name          text,
  industry      text,
  employees     integer CHECK (employees > 0),
  employee_band text,
  revenue_band  text,
  country       char(2),
  technologies  text[] NOT NULL DEFAULT '{}',
  -- Which file the row came from and when it was loaded: the provenance time of its values.
  loaded_from   text NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now()
);
