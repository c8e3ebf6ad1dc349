-- A refusal's reason is a key the city's status page translates; DETAIL holds what it names (a unit, a node).
ALTER TABLE JX_SYNC_REFUSED ADD COLUMN DETAIL VARCHAR(200);
