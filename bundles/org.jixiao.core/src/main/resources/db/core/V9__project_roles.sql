-- Key projects declare roles of their own (ProjectRole ids, up to 40 characters, such as HOPE_OFFICE); they are
-- granted in the same table as the core's roles, so its column must hold the longest id a project may declare.
-- Derby widens a VARCHAR in place, primary key included. PostgreSQL spells it
--   ALTER TABLE JX_USER_ROLE ALTER COLUMN ROLE TYPE VARCHAR(40);
ALTER TABLE JX_USER_ROLE ALTER COLUMN ROLE SET DATA TYPE VARCHAR(40);
