-- Derby returns rows in the order they were written, and a manager could once learn the order in which codes were
-- used: together they linked answers to codes. A submission is held here first, and the held ones move to
-- JX_QNR_RESPONSE in a shuffled batch once there are enough of them, or all at the close, so the order of the
-- responses says nothing of when each came. The columns are those of the response tables.
CREATE TABLE JX_QNR_HELD_RESPONSE (
    ID CHAR(32) NOT NULL PRIMARY KEY,
    CAMPAIGN_ID BIGINT NOT NULL,
    ORG_UNIT_ID BIGINT NOT NULL,
    CATEGORY VARCHAR(20) NOT NULL,
    ANSWERED_ON DATE NOT NULL,
    CONSTRAINT JX_QNR_HELD_UNIT_FK FOREIGN KEY (CAMPAIGN_ID, ORG_UNIT_ID)
        REFERENCES JX_QNR_CAMPAIGN_UNIT (CAMPAIGN_ID, ORG_UNIT_ID)
);

CREATE INDEX JX_QNR_HELD_UNIT_IX ON JX_QNR_HELD_RESPONSE (CAMPAIGN_ID, ORG_UNIT_ID);

CREATE TABLE JX_QNR_HELD_ANSWER (
    RESPONSE_ID CHAR(32) NOT NULL REFERENCES JX_QNR_HELD_RESPONSE (ID),
    ITEM_KEY VARCHAR(16) NOT NULL,
    CHOICE_NO INTEGER,
    ANSWER_TEXT VARCHAR(2000),
    PRIMARY KEY (RESPONSE_ID, ITEM_KEY)
);
