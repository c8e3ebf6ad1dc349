-- The engine finds a person already registered (the register's key) by ID_HASH, for every registration and every
-- row of an import: without an index each lookup read the whole table, and a 10,000-row import grew with its square.
CREATE INDEX EMP_YOUTH_ID_HASH_IX ON EMP_YOUTH (ID_HASH);
