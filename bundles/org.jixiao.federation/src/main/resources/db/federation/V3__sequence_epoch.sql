-- A county restored from a backup numbers its changes again from the backup's last number. Each start of a county
-- node opens an epoch (its start time in milliseconds, so a later start has a higher one, a restore included); an
-- entry carries the epoch it was written in, and the city orders a county's changes by epoch, then number.
ALTER TABLE JX_OUTBOX ADD COLUMN EPOCH BIGINT NOT NULL DEFAULT 0;
ALTER TABLE JX_SYNC_SENDER ADD COLUMN LAST_EPOCH BIGINT NOT NULL DEFAULT 0;
-- How many changes the county still held behind its last one applied here: its backlog, as the city last heard it.
ALTER TABLE JX_SYNC_SENDER ADD COLUMN LAST_BEHIND BIGINT;
