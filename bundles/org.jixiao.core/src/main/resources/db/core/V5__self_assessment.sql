-- The year-end self-assessment (POLICY.md §1, 自我评估): each evaluated unit's report per year, with the value it
-- claims and an explanation for each indicator of its target table, the problems found and their rectification,
-- and the city's decision (returned with comments, or accepted).
-- Portable SQL only (Derby now, PostgreSQL later). Timestamps are stored as UTC.
-- "YEAR" and "AT" are reserved in Derby, hence PERF_YEAR, UPDATED_AT, SUBMITTED_AT, DECIDED_AT.

-- One report per year and evaluated unit; a unit that saved nothing has no row (its report is an empty DRAFT).
CREATE TABLE JX_SELF_ASSESSMENT (
    PERF_YEAR INTEGER NOT NULL REFERENCES JX_PERF_YEAR (PERF_YEAR),
    ORG_UNIT_ID BIGINT NOT NULL REFERENCES JX_ORG_UNIT (ID),
    -- a SelfAssessment.State name: DRAFT, SUBMITTED, RETURNED, ACCEPTED
    REPORT_STATE VARCHAR(20) NOT NULL,
    -- free text, at most 2000 UTF-16 units each (validated before any write)
    PROBLEMS VARCHAR(2000),
    RECTIFICATION VARCHAR(2000),
    -- the city's comment with its last decision
    CITY_COMMENT VARCHAR(2000),
    UPDATED_AT TIMESTAMP NOT NULL,
    UPDATED_BY VARCHAR(40) NOT NULL,
    -- the last submission; null until submitted
    SUBMITTED_AT TIMESTAMP,
    SUBMITTED_BY VARCHAR(40),
    -- the city's last decision; null until returned or accepted
    DECIDED_AT TIMESTAMP,
    DECIDED_BY VARCHAR(40),
    PRIMARY KEY (PERF_YEAR, ORG_UNIT_ID)
);

-- Derby indexes foreign keys by itself; PostgreSQL does not.
CREATE INDEX JX_SELF_ASSESSMENT_ORG_UNIT_IX ON JX_SELF_ASSESSMENT (ORG_UNIT_ID);

-- A report's claims, one per indicator; the computed value is not stored: it is the project's live actual.
CREATE TABLE JX_SELF_ASSESSMENT_CLAIM (
    PERF_YEAR INTEGER NOT NULL,
    ORG_UNIT_ID BIGINT NOT NULL,
    PROJECT_ID VARCHAR(64) NOT NULL,
    INDICATOR_ID VARCHAR(100) NOT NULL,
    -- null while the unit has not claimed a value
    CLAIMED DECIMAL(19, 4),
    EXPLANATION VARCHAR(2000),
    PRIMARY KEY (PERF_YEAR, ORG_UNIT_ID, PROJECT_ID, INDICATOR_ID),
    FOREIGN KEY (PERF_YEAR, ORG_UNIT_ID) REFERENCES JX_SELF_ASSESSMENT (PERF_YEAR, ORG_UNIT_ID)
);
