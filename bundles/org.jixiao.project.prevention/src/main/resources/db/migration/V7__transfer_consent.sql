-- Step 3's transfers that link a key youth to the scholarship or employment project carry the consent to it: who
-- gave it (the youth or the guardian), when and how. Existing transfers link no project and need none.

ALTER TABLE PRV_TRANSFER ADD COLUMN LINKED_PROJECT VARCHAR(40);
ALTER TABLE PRV_TRANSFER ADD COLUMN CONSENT_BY VARCHAR(40);
ALTER TABLE PRV_TRANSFER ADD COLUMN CONSENT_ON DATE;
ALTER TABLE PRV_TRANSFER ADD COLUMN CONSENT_WAY VARCHAR(40);
