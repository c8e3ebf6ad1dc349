-- A running total is kept in up to 16 rows (stripes) that readers add up: concurrent writers of one unit and day each
-- update their own connection's row, instead of queueing for one row's lock until the one before them has committed.
ALTER TABLE REG_TOTAL ADD COLUMN STRIPE SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE REG_TOTAL DROP PRIMARY KEY;
ALTER TABLE REG_TOTAL ADD CONSTRAINT REG_TOTAL_PK PRIMARY KEY (PROJECT, UNIT_ID, INDICATOR_ID, PART, GRAIN, K, STRIPE);
