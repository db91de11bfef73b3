-- A key may end on a date (a contractor's integration, a campaign site). NULL never expires.
-- The guard compares it with its clock and says when the key expired; expired public keys
-- also stop answering CORS preflights.
ALTER TABLE api_keys ADD COLUMN expires_at timestamptz NULL;
