-- The yearly survey update (before March): a county's confirmation freezes a fingerprint of each live key youth's
-- surveyed facts, so that the next year's shows who is new, who left and whose facts changed. No personal data here:
-- the youth's id and a SHA-256 of its facts.

CREATE TABLE PRV_SURVEY (
    ID BIGINT NOT NULL PRIMARY KEY,
    UNIT_ID BIGINT NOT NULL,
    SURVEY_YEAR INTEGER NOT NULL,
    YOUTH_COUNT INTEGER NOT NULL,
    CONFIRMED_AT TIMESTAMP NOT NULL,
    CONFIRMED_BY BIGINT NOT NULL,
    CONSTRAINT PRV_SURVEY_ONCE UNIQUE (UNIT_ID, SURVEY_YEAR)
);

CREATE TABLE PRV_SURVEY_ROW (
    SURVEY_ID BIGINT NOT NULL,
    YOUTH_ID BIGINT NOT NULL,
    FINGERPRINT VARCHAR(64) NOT NULL,
    PRIMARY KEY (SURVEY_ID, YOUTH_ID)
);
