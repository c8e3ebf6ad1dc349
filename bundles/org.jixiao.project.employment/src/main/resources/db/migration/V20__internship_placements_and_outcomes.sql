-- Internship placements become child records of their positions on the register engine, which names a child's
-- parent PARENT_ID and writes only the columns of declared fields. The copies of the position's year and post kind
-- stay (the share and conversion figures read the placements alone); the engine's hooks keep them, and a default
-- lets the engine's insert leave them out.
-- Portable SQL: runs on Derby now and must run on PostgreSQL unchanged.

ALTER TABLE EMP_INTERNSHIP_PLACEMENT ADD COLUMN PARENT_ID BIGINT;
UPDATE EMP_INTERNSHIP_PLACEMENT SET PARENT_ID = POSITION_ID;
ALTER TABLE EMP_INTERNSHIP_PLACEMENT DROP CONSTRAINT EMP_INTERNSHIP_PLACEMENT_POSITION_FK;
DROP INDEX EMP_INTERNSHIP_PLACEMENT_POSITION_IX;
ALTER TABLE EMP_INTERNSHIP_PLACEMENT DROP COLUMN POSITION_ID;
ALTER TABLE EMP_INTERNSHIP_PLACEMENT ADD CONSTRAINT EMP_INTERNSHIP_PLACEMENT_PARENT_FK FOREIGN KEY (PARENT_ID)
    REFERENCES EMP_INTERNSHIP_POSITION (ID);
-- A position's placements (its page; "is it full"; "is this youth placed here already").
CREATE INDEX EMP_INTERNSHIP_PLACEMENT_PARENT_IX ON EMP_INTERNSHIP_PLACEMENT (PARENT_ID, DELETED_AT, YOUTH_ID);
ALTER TABLE EMP_INTERNSHIP_PLACEMENT ALTER COLUMN PLAN_YEAR SET DEFAULT 0;
ALTER TABLE EMP_INTERNSHIP_PLACEMENT ALTER COLUMN GM_ASSISTANT SET DEFAULT 0;

-- An employment outcome's year is its employment day's: the outcome register's hook writes it after the engine's
-- insert (with LIVE_YOUTH_ID, whose uniqueness keeps a youth counted once a year).
ALTER TABLE EMP_OUTCOME ALTER COLUMN OUTCOME_YEAR SET DEFAULT 0;
