-- A dashboard reads, per unit, a range of days, a range of months and the years before: one index range each, so
-- what it reads does not grow with the records or the days of history.
CREATE INDEX REG_TOTAL_GRAIN_IX ON REG_TOTAL (PROJECT, GRAIN, UNIT_ID, K, INDICATOR_ID, PART, TOTAL);
