-- The indicator actuals count live records per county and type registered by a day:
--   SELECT COUNTY_ID, YOUTH_TYPE, COUNT(*) FROM EMP_YOUTH WHERE DELETED_AT IS NULL AND COUNTY_ID IN (...)
--   AND REGISTERED_ON <= ? GROUP BY COUNTY_ID, YOUTH_TYPE
-- EMP_YOUTH_COUNTY_IX leaves DELETED_AT out, so every matching row was read from the table to check it. This index
-- holds every column the query names: it is answered from the index alone, in the order of its GROUP BY.
-- Portable SQL: runs on Derby now and must run on PostgreSQL unchanged.

CREATE INDEX EMP_YOUTH_ACTUALS_IX ON EMP_YOUTH (COUNTY_ID, YOUTH_TYPE, REGISTERED_ON, DELETED_AT);
