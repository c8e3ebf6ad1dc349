-- The city's outbox is JX_OUTBOX too (node 0). An entry for one county only (a target of one of its units, its first
-- sync) names that county's broker user; null: every county.
ALTER TABLE JX_OUTBOX ADD COLUMN RECIPIENT VARCHAR(60);

-- At the city: the counties sent a full copy of the city's records (their first sync), and when.
CREATE TABLE JX_SYNC_SNAPSHOT (
    COUNTY VARCHAR(60) NOT NULL PRIMARY KEY,
    SENT_AT TIMESTAMP NOT NULL,
    ENTRIES BIGINT NOT NULL
);
