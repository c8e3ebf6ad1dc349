-- The micro-loans' quarterly checks move onto the register engine, which stamps every write with who and when.
-- Earlier checks were last changed when they were made, as far as anyone can tell.
-- Portable SQL: runs on Derby now and must run on PostgreSQL unchanged.

ALTER TABLE EMP_LOAN_CHECK ADD COLUMN UPDATED_AT TIMESTAMP;
ALTER TABLE EMP_LOAN_CHECK ADD COLUMN UPDATED_BY BIGINT;
UPDATE EMP_LOAN_CHECK SET UPDATED_AT = CREATED_AT, UPDATED_BY = CREATED_BY;
