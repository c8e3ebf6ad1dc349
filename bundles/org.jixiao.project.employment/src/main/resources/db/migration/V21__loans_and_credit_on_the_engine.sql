-- Micro-loans (item 7) and credit demonstration households (item 8) move onto the register engine.
-- The quarterly checks of the loans get the engine's stamps of every write: who changed a record and when.
-- Earlier checks were last changed when they were made, as far as anyone can tell.
-- Portable SQL: runs on Derby now and must run on PostgreSQL unchanged.

ALTER TABLE EMP_LOAN_CHECK ADD COLUMN UPDATED_AT TIMESTAMP;
ALTER TABLE EMP_LOAN_CHECK ADD COLUMN UPDATED_BY BIGINT;
UPDATE EMP_LOAN_CHECK SET UPDATED_AT = CREATED_AT, UPDATED_BY = CREATED_BY;

-- A credit demonstration household without a credit loan had an amount of zero; on the engine a field left blank is
-- NULL, and NOT NULL cannot be dropped in SQL that both databases run. So the amount moves to a nullable column,
-- still exact 元: blank (or zero) and no loan day while the household has taken no loan.
ALTER TABLE EMP_CREDIT_HOUSEHOLD ADD COLUMN LOAN_YUAN DECIMAL(15,2);
UPDATE EMP_CREDIT_HOUSEHOLD SET LOAN_YUAN = LOAN_AMOUNT WHERE LOAN_AMOUNT > 0;
DROP INDEX EMP_CREDIT_HOUSEHOLD_ACTUALS_IX;
ALTER TABLE EMP_CREDIT_HOUSEHOLD DROP CONSTRAINT EMP_CREDIT_HOUSEHOLD_LOAN_CK;
ALTER TABLE EMP_CREDIT_HOUSEHOLD DROP CONSTRAINT EMP_CREDIT_HOUSEHOLD_AMOUNT_CK;
ALTER TABLE EMP_CREDIT_HOUSEHOLD DROP COLUMN LOAN_AMOUNT;
ALTER TABLE EMP_CREDIT_HOUSEHOLD ADD CONSTRAINT EMP_CREDIT_HOUSEHOLD_YUAN_CK CHECK (LOAN_YUAN >= 0);
ALTER TABLE EMP_CREDIT_HOUSEHOLD ADD CONSTRAINT EMP_CREDIT_HOUSEHOLD_LOAN_CK CHECK (
    ((LOAN_YUAN IS NULL OR LOAN_YUAN = 0) AND LOAN_ON IS NULL)
    OR (LOAN_YUAN > 0 AND LOAN_ON IS NOT NULL AND LOAN_ON >= RATED_ON));
-- The amount indicators sum the live households' loans per county rated in a span of days and taken by its last:
--   SELECT COUNTY_ID, SUM(LOAN_YUAN) FROM EMP_CREDIT_HOUSEHOLD WHERE DELETED_AT IS NULL AND COUNTY_ID IN (...)
--   AND RATED_ON BETWEEN ? AND ? AND LOAN_ON <= ? GROUP BY COUNTY_ID
-- The index holds every column named, so the query is answered from it alone.
CREATE INDEX EMP_CREDIT_HOUSEHOLD_ACTUALS_IX ON EMP_CREDIT_HOUSEHOLD (COUNTY_ID, RATED_ON, DELETED_AT, LOAN_ON,
    LOAN_YUAN);
