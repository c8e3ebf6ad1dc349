-- Awards and their entrants move onto the register engine. An entrant is a child of its award: it names the award
-- in PARENT_ID and carries the award's county. Portable SQL: runs on Derby now and must run on PostgreSQL unchanged
-- (no RENAME COLUMN and no change of a column's nullability: a new column is added, filled, and the old one dropped).

ALTER TABLE EMP_AWARD_ENTRANT ADD COLUMN PARENT_ID BIGINT;
UPDATE EMP_AWARD_ENTRANT SET PARENT_ID = AWARD_ID;
ALTER TABLE EMP_AWARD_ENTRANT DROP CONSTRAINT EMP_AWARD_ENTRANT_AWARD_FK;
DROP INDEX EMP_AWARD_ENTRANT_IX;
ALTER TABLE EMP_AWARD_ENTRANT DROP COLUMN AWARD_ID;
ALTER TABLE EMP_AWARD_ENTRANT ADD CONSTRAINT EMP_AWARD_ENTRANT_PARENT_FK FOREIGN KEY (PARENT_ID)
    REFERENCES EMP_AWARD (ID);
-- The entrants of an award, the per-award counts of entrants and winners of the summary, and the "entered once"
-- rule, from the index alone.
CREATE INDEX EMP_AWARD_ENTRANT_IX ON EMP_AWARD_ENTRANT (PARENT_ID, DELETED_AT, RESULT);
ALTER TABLE EMP_AWARD_ENTRANT ADD COLUMN COUNTY_ID BIGINT DEFAULT 0 NOT NULL;
UPDATE EMP_AWARD_ENTRANT SET COUNTY_ID = (SELECT A.COUNTY_ID FROM EMP_AWARD A
    WHERE A.ID = EMP_AWARD_ENTRANT.PARENT_ID);
