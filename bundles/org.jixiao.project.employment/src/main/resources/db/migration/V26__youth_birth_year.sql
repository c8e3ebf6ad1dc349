-- The last four characters of the ID number and the birth date beside them left only the area code to guess, and
-- a county has few of those: the number could be rebuilt from the list, or from a copy of the database without the
-- key. Keep the year of birth (what the age bands need) and drop the date. The statistics index moves with it.
ALTER TABLE EMP_YOUTH ADD COLUMN BIRTH_YEAR INTEGER;
UPDATE EMP_YOUTH SET BIRTH_YEAR = CAST(SUBSTR(CAST(BIRTH_DATE AS CHAR(10)), 1, 4) AS INTEGER)
    WHERE BIRTH_DATE IS NOT NULL;
DROP INDEX EMP_YOUTH_STATS_IX;
ALTER TABLE EMP_YOUTH DROP COLUMN BIRTH_DATE;
CREATE INDEX EMP_YOUTH_STATS_IX ON EMP_YOUTH (COUNTY_ID, YOUTH_TYPE, EDUCATION, BIRTH_YEAR, DELETED_AT);
