-- Axon writes metadata with every event, but cannot read an event without it: one such row, however it got in, would
-- stop every processor at its position. The store refuses it instead.
ALTER TABLE domain_event_entry ALTER COLUMN meta_data SET NOT NULL;
ALTER TABLE snapshot_event_entry ALTER COLUMN meta_data SET NOT NULL;
