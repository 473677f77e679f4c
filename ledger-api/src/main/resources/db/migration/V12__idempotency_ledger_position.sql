-- The Ledger-Position of a command's answer (the global index of the last event its request stored), replayed with
-- the answer: a client that retries still learns which position to wait for. Null for keys stored before it existed.
ALTER TABLE idempotency_key ADD COLUMN ledger_position bigint;
