-- Step 2 of POLICY.md section 4, the second pairing (对口结对): each category names (by its code) the city-level
-- member unit that pairs its youth a second time; the youth keeps the city professional and volunteer it pairs.
-- Existing rows need nothing: a category names no city department until the city sets one, and no youth is paired
-- at city level before (the help rate counts both pairings from now on, its totals rebuilt by the engine).

ALTER TABLE PRV_CATEGORY ADD COLUMN CITY_UNIT VARCHAR(80);

ALTER TABLE PRV_YOUTH ADD COLUMN CITY_PROFESSIONAL BIGINT;
ALTER TABLE PRV_YOUTH ADD COLUMN CITY_VOLUNTEER BIGINT;
ALTER TABLE PRV_YOUTH ADD COLUMN CITY_PAIRED_ON DATE;
ALTER TABLE PRV_YOUTH ADD COLUMN CITY_PAIRED BOOLEAN;
CREATE INDEX PRV_YOUTH_CATEGORY_IX ON PRV_YOUTH (CATEGORY);
CREATE INDEX PRV_YOUTH_CITY_PROFESSIONAL_IX ON PRV_YOUTH (CITY_PROFESSIONAL);
CREATE INDEX PRV_YOUTH_CITY_VOLUNTEER_IX ON PRV_YOUTH (CITY_VOLUNTEER);
