-- Each indicator's figure per evaluated unit as it stood at each month's end, for the dashboards' trends: recorded
-- through the month (the last recording of a month is its month-end figure), kept for every year.
-- Portable SQL only (Derby now, PostgreSQL later). "YEAR" and "INDICATOR" are reserved in Derby.
CREATE TABLE JX_INDICATOR_MONTH (
    PERF_YEAR INTEGER NOT NULL,
    MONTH_NO SMALLINT NOT NULL,
    ORG_UNIT_ID BIGINT NOT NULL,
    -- project id and indicator id, "employment:youth.jobseekers"
    INDICATOR_KEY VARCHAR(200) NOT NULL,
    ACTUAL DECIMAL(31, 4),
    TARGET DECIMAL(31, 4),
    RECORDED_AT TIMESTAMP NOT NULL,
    PRIMARY KEY (PERF_YEAR, ORG_UNIT_ID, INDICATOR_KEY, MONTH_NO)
);
